// Data preparation for the migration timeline (Akoush Eq. 1 and 2): pure, no DOM. Post-copy runs go
// pre-migration, (hybrid: one live pass), the paused switch-over (state only), commitment and
// activation, then the post-copy phase with the guest running degraded at the destination.
import { countsText, liveText, runCounts } from '../../model/words/counts.ts';
import type { IterationRecord, RunResult } from '../../model/result.ts';
import type { Scenario } from '../../model/scenario.ts';
import { formatDuration, formatPages, formatInstant, formatSeconds, formatShortDuration } from './format.ts';
import { clamp, textWidth } from './scales.ts';

export type StageKind = 'pre' | 'iteration' | 'final' | 'post' | 'postcopy';

export interface Stage {
  kind: StageKind;
  startS: number;
  endS: number;
  label: string;
  /** The iteration behind an 'iteration' or 'final' stage. */
  iteration?: IterationRecord;
}

/** A legend entry: its name (always shown) and its detail (hidden in the projector layout). */
export interface StageLegendEntry {
  kind: StageKind;
  label: string;
  detail?: string;
}

/** In the count vocabulary (model/words/counts.ts): the stages before the last are the live iterations. */
export const STAGE_LEGEND: readonly StageLegendEntry[] = [
  { kind: 'pre', label: 'Pre-migration overhead' },
  { kind: 'iteration', label: 'Live iteration', detail: ' (pre-copy, guest running)' },
  { kind: 'final', label: 'Stop-and-copy', detail: ' (VM paused)' },
  { kind: 'post', label: 'Commitment and activation', detail: ' (VM paused)' },
];

/** The legend's entries for a run: post-copy names its switch-over and adds its phase. */
export function stageLegendFor(result: RunResult): StageLegendEntry[] {
  if (!isPostcopyRun(result)) return [...STAGE_LEGEND];
  const legend: StageLegendEntry[] = [{ kind: 'pre', label: 'Pre-migration overhead' }];
  if (result.perIteration.some((it) => !it.final && it.phase !== 'postcopy')) legend.push({ kind: 'iteration', label: 'Live iteration', detail: ' (pre-copy, guest running)' });
  legend.push(
    { kind: 'final', label: 'Switch-over', detail: ': VM paused, state sent' },
    { kind: 'post', label: 'Commitment and activation', detail: ' (VM paused)' },
    { kind: 'postcopy', label: 'Post-copy phase', detail: ': guest runs at the destination' },
  );
  return legend;
}

export function isPostcopyRun(result: RunResult): boolean {
  return result.perIteration.some((it) => it.phase === 'postcopy');
}

/**
 * Pre-migration overhead, every pre-copy iteration, the stop-and-copy and the post-migration overhead;
 * in post-copy runs the commitment and activation follow the paused switch-over, and the post-copy
 * phase comes last.
 */
export function timelineStages(scenario: Scenario, result: RunResult): Stage[] {
  const stages: Stage[] = [{ kind: 'pre', startS: 0, endS: scenario.preS, label: 'Pre-migration overhead' }];
  const postcopy = isPostcopyRun(result);
  let postAdded = false;
  const addPost = (at: number) => {
    stages.push({ kind: 'post', startS: at, endS: at + scenario.postS, label: 'Commitment and activation' });
    postAdded = true;
  };
  for (const it of result.perIteration) {
    if (it.phase === 'postcopy') {
      if (!postAdded) addPost(it.startS - scenario.postS);
      stages.push({ kind: 'postcopy', startS: it.startS, endS: it.endS, label: `Post-copy phase (iteration ${it.iteration})`, iteration: it });
      continue;
    }
    stages.push({
      kind: it.final ? 'final' : 'iteration',
      startS: it.startS,
      endS: it.endS,
      label: it.final
        ? postcopy
          ? `Switch-over: VM paused, state sent (iteration ${it.iteration})`
          : `Stop-and-copy (iteration ${it.iteration})`
        : `Pre-copy iteration ${it.iteration}`,
      iteration: it,
    });
    if (it.final && postcopy) addPost(it.endS);
  }
  if (!postAdded) {
    const last = result.perIteration[result.perIteration.length - 1];
    addPost(last ? last.endS : scenario.preS);
  }
  return stages;
}

/** The end of the time axis: the migration time (or the last stage's end if that is later). */
export function timelineEnd(stages: readonly Stage[], result: RunResult): number {
  const lastEnd = stages.length ? stages[stages.length - 1].endS : 0;
  return Math.max(result.migrationTimeS, lastEnd, 1e-9);
}

export interface DowntimeSpan {
  startS: number;
  endS: number;
  durationS: number;
}

/** Post-copy: the guest runs degraded from the start of the post-copy phase for `degradedS`. */
export function degradedSpan(stages: readonly Stage[], result: RunResult): DowntimeSpan | null {
  const phase = stages.find((s) => s.kind === 'postcopy');
  if (!phase || result.degradedS === undefined) return null;
  return { startS: phase.startS, endS: phase.startS + result.degradedS, durationS: result.degradedS };
}

export function degradedLabel(span: DowntimeSpan): string {
  return `degraded ${formatDuration(span.durationS)}`;
}

/** The VM is paused from the start of the stop-and-copy (or switch-over) to the end of the activation. */
export function downtimeSpan(stages: readonly Stage[], result: RunResult): DowntimeSpan {
  const final = stages.find((s) => s.kind === 'final');
  const post = stages.find((s) => s.kind === 'post');
  const endS = post ? post.endS : result.migrationTimeS;
  const startS = final ? final.startS : endS - result.downtimeS;
  return { startS, endS, durationS: result.downtimeS };
}

export interface Segment {
  x: number;
  width: number;
}

/**
 * Pixel extent of each stage, in order and without overlap, each at least `minWidth` wide so that
 * iterations of microseconds can be seen and hovered one by one. Laid out from the end: every stage
 * keeps its true end unless the stage after it needs the room, and a stage too short is widened to
 * the left, so the room comes out of the stages before a cluster of tiny ones. The last stages (the
 * stop-and-copy and the activation, i.e. the downtime) and long stages far from tiny ones stay exact.
 */
export function segmentLayout(
  stages: readonly Stage[],
  x: (seconds: number) => number,
  minWidth: number,
  plotWidth: number,
): Segment[] {
  const segs: Segment[] = new Array(stages.length);
  let nextStart = plotWidth;
  for (let i = stages.length - 1; i >= 0; i--) {
    const end = Math.min(x(stages[i].endS), nextStart);
    const start = Math.min(x(stages[i].startS), end - minWidth);
    segs[i] = { x: start, width: end - start };
    nextStart = start;
  }
  // Only when the minimum widths pushed the first stages off the left edge: push them back, each
  // keeping its end where it can.
  let prevEnd = 0;
  for (const seg of segs) {
    if (seg.x >= prevEnd) break;
    const end = Math.max(seg.x + seg.width, prevEnd + minWidth);
    seg.x = prevEnd;
    seg.width = end - prevEnd;
    prevEnd = end;
  }
  return segs;
}

export interface Pick {
  /** The stage under the pointer. */
  index: number;
  /** Other stages drawn under the same pixel (tiny iterations piled up by their minimum width). */
  alsoHere: number[];
}

/**
 * The stage at pixel `px`: the segment containing it (the one whose centre is nearest if several
 * overlap); failing that, one within `slop` pixels; failing that, the nearest. Null when there are none.
 */
export function pickStage(segments: readonly Segment[], px: number, slop = 2): Pick | null {
  if (segments.length === 0) return null;
  const within = (pad: number) => {
    const hits: number[] = [];
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i];
      if (px >= s.x - pad && px <= s.x + s.width + pad) hits.push(i);
    }
    return hits;
  };
  let hits = within(0);
  if (hits.length === 0) hits = within(slop);
  const centre = (i: number) => segments[i].x + segments[i].width / 2;
  if (hits.length > 0) {
    let best = hits[0];
    for (const i of hits) if (Math.abs(centre(i) - px) < Math.abs(centre(best) - px)) best = i;
    // Only stages actually drawn over the same pixels count as "also here".
    const b = segments[best];
    const alsoHere = hits.filter(
      (i) => i !== best && segments[i].x < b.x + b.width && segments[i].x + segments[i].width > b.x,
    );
    return { index: best, alsoHere };
  }
  let best = 0;
  let bestDist = Infinity;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    const d = px < s.x ? s.x - px : px - (s.x + s.width);
    if (d < bestDist) {
      bestDist = d;
      best = i;
    }
  }
  return { index: best, alsoHere: [] };
}

export interface LabelRequest {
  /** Pixel centre the label belongs to. */
  centre: number;
  /** Texts to try, longest first. */
  variants: readonly string[];
}

export interface PlacedLabel {
  text: string;
  /** Pixel centre after clamping into the plot. */
  x: number;
  row: number;
  /** Index of the request it answers. */
  request: number;
}

/**
 * Greedy label placement: requests in priority order, each in the first row (of `rows`) and the
 * longest variant that does not overlap a label already placed. Labels that fit nowhere are dropped.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  plotWidth: number,
  fontPx: number,
  rows = 2,
  gap = 8,
): PlacedLabel[] {
  const placed: (PlacedLabel & { lo: number; hi: number })[] = [];
  requests.forEach((req, request) => {
    for (const text of req.variants) {
      const w = textWidth(text, fontPx);
      if (w > plotWidth) continue;
      const x = clamp(req.centre, w / 2, plotWidth - w / 2);
      const lo = x - w / 2;
      const hi = x + w / 2;
      for (let row = 0; row < rows; row++) {
        const clash = placed.some((p) => p.row === row && lo < p.hi + gap && hi > p.lo - gap);
        if (!clash) {
          placed.push({ text, x, row, request, lo, hi });
          return;
        }
      }
    }
  });
  return placed.map(({ text, x, row, request }) => ({ text, x, row, request }));
}

/**
 * Whether a leader line dropped from `label` (at its phase's centre) to the track would cut through a
 * label placed in a lower row.
 */
export function crossesLowerLabel(
  labels: readonly (PlacedLabel & { centre: number })[],
  label: PlacedLabel & { centre: number },
  fontPx = 13,
): boolean {
  return labels.some((o) => {
    if (o === label || o.row >= label.row) return false;
    const half = textWidth(o.text, fontPx) / 2;
    return label.centre >= o.x - half - 2 && label.centre <= o.x + half + 2;
  });
}

export interface Phase {
  kind: StageKind;
  startS: number;
  endS: number;
  variants: string[];
}

/** The four phases the labels above the track name (pre-copy iterations merged into one). */
export function timelinePhases(stages: readonly Stage[]): Phase[] {
  const phases: Phase[] = [];
  const pre = stages.find((s) => s.kind === 'pre');
  const its = stages.filter((s) => s.kind === 'iteration');
  const final = stages.find((s) => s.kind === 'final');
  const post = stages.find((s) => s.kind === 'post');
  const postcopy = stages.find((s) => s.kind === 'postcopy');
  if (final) {
    const d = final.endS - final.startS;
    const variants = postcopy ? [`switch-over ${formatShortDuration(d)}`, 'switch-over', 'pause'] : [`stop-and-copy ${formatShortDuration(d)}`, 'stop-and-copy', 'S&C'];
    phases.push({ kind: 'final', startS: final.startS, endS: final.endS, variants });
  }
  if (postcopy) {
    const d = postcopy.endS - postcopy.startS;
    phases.push({ kind: 'postcopy', startS: postcopy.startS, endS: postcopy.endS, variants: [`post-copy ${formatShortDuration(d)}`, 'post-copy', 'PC'] });
  }
  if (pre) {
    const d = pre.endS - pre.startS;
    phases.push({ kind: 'pre', startS: pre.startS, endS: pre.endS, variants: [`pre-migration ${formatShortDuration(d)}`, 'pre-migration', 'pre'] });
  }
  if (its.length > 0) {
    const startS = its[0].startS;
    const endS = its[its.length - 1].endS;
    const n = its.length;
    phases.push({
      kind: 'iteration',
      startS,
      endS,
      variants: [
        // The count vocabulary (model/words/counts.ts): these are the live iterations; the stop-and-copy is its own phase.
        `pre-copy: ${liveText(n)}, ${formatShortDuration(endS - startS)}`,
        `pre-copy: ${liveText(n)}`,
        'pre-copy',
      ],
    });
  }
  if (post) {
    const d = post.endS - post.startS;
    phases.push({ kind: 'post', startS: post.startS, endS: post.endS, variants: [`commitment ${formatShortDuration(d)}`, 'commitment', 'commit'] });
  }
  return phases;
}

/** In the summary's digits and unit ("314 ms", never "0.314 s" beside it). */
export function downtimeLabel(span: DowntimeSpan): string {
  return `downtime ${formatDuration(span.durationS)}`;
}

export function stageTooltip(stage: Stage, result?: RunResult): { title: string; rows: [string, string][] } {
  const d = stage.endS - stage.startS;
  const rows: [string, string][] = [
    ['Start', `${formatInstant(stage.startS, d)} s`],
    ['End', `${formatInstant(stage.endS, d)} s`],
    ['Duration', formatDuration(stage.endS - stage.startS)],
  ];
  const it = stage.iteration;
  if (stage.kind === 'postcopy' && it) {
    rows.push(['Pushed or faulted', `${formatPages(it.pagesSent)} pages`]);
    if (result?.remoteFaults !== undefined) rows.push(['Remote faults', `${formatPages(result.remoteFaults)} pages`]);
    if (result?.degradedS !== undefined) rows.push(['Degraded for', formatDuration(result.degradedS)]);
    rows.push(['VM', 'running at the destination']);
  } else if (it && it.final && it.pagesSent === 0 && result && isPostcopyRun(result)) {
    rows.push(['Sent', 'CPU and device state only']);
  } else if (it) {
    rows.push(['Sent', `${formatPages(it.pagesSent)} pages`]);
    if (!it.final) {
      rows.push(['Skipped', `${formatPages(it.pagesSkipped)} pages`]);
      rows.push(['Dirtied', `${formatPages(it.pagesDirtied)} pages`]);
    }
  }
  for (const step of result?.throttle ?? []) {
    if (step.atS >= stage.startS && step.atS < stage.endS) rows.push(['Throttle', `${Math.round(step.throttle * 100)}% from ${formatInstant(step.atS, d)} s`]);
  }
  if (stage.kind === 'final' || stage.kind === 'post') rows.push(['VM', 'paused (downtime)']);
  return { title: stage.label, rows };
}

/** "iterations 5–13" for the stages piled up under the pointer. */
export function alsoHereText(stages: readonly Stage[], indices: readonly number[]): string {
  if (indices.length === 0) return '';
  const names = indices.map((i) => stages[i]);
  const its = names.filter((s) => s.iteration).map((s) => s.iteration!.iteration);
  const other = names.filter((s) => !s.iteration).map((s) => s.label.toLowerCase());
  const parts: string[] = [];
  if (its.length === 1) parts.push(`iteration ${its[0]}`);
  else if (its.length > 1) parts.push(`iterations ${Math.min(...its)}–${Math.max(...its)}`);
  parts.push(...other);
  return `Also under the pointer: ${parts.join(', ')}`;
}

/** The SVG's aria-label. */
export function timelineSummary(stages: readonly Stage[], result: RunResult): string {
  const d = (s: Stage) => s.endS - s.startS;
  const pre = stages.find((s) => s.kind === 'pre');
  const its = stages.filter((s) => s.kind === 'iteration');
  const final = stages.find((s) => s.kind === 'final');
  const post = stages.find((s) => s.kind === 'post');
  const postcopy = stages.find((s) => s.kind === 'postcopy');
  const parts: string[] = [];
  if (pre) parts.push(`pre-migration overhead ${formatDuration(d(pre))}`);
  if (its.length) {
    const total = its[its.length - 1].endS - its[0].startS;
    parts.push(`pre-copy: ${liveText(its.length)} ${formatDuration(total)}`);
  }
  if (final) parts.push(`${postcopy ? 'switch-over (state only)' : 'stop-and-copy'} ${formatDuration(d(final))}`);
  if (post) parts.push(`commitment and activation ${formatDuration(d(post))}`);
  if (postcopy) parts.push(`post-copy phase ${formatDuration(d(postcopy))}, the guest degraded for ${formatDuration(result.degradedS ?? 0)}`);
  const steps = result.throttle ?? [];
  const throttle = steps.length ? ` Throttle steps at ${steps.map((t) => `${formatSeconds(t.atS)} s (${Math.round(t.throttle * 100)}%)`).join(', ')}.` : '';
  return (
    `Timeline of a ${formatDuration(result.migrationTimeS)} migration, ${countsText(runCounts(result))}: ${parts.join(', ')}. ` +
    `Downtime ${formatDuration(result.downtimeS)} (${postcopy ? 'switch-over' : 'stop-and-copy'} plus commitment and activation).${throttle}`
  );
}

/**
 * The pixel of time `t` (s) on the drawn track: within the stage that holds it, in proportion to its
 * drawn segment (stages are widened to a minimum, so the track is not one linear scale); before the
 * first stage its start, after the last its end. At a boundary the later stage wins, so the cursor of
 * an iteration's first instant sits on that iteration.
 */
export function cursorX(stages: readonly Stage[], segments: readonly Segment[], t: number): number {
  if (stages.length === 0 || !Number.isFinite(t)) return 0;
  if (t <= stages[0].startS) return segments[0].x;
  for (let i = stages.length - 1; i >= 0; i--) {
    const s = stages[i];
    if (t < s.startS) continue;
    const seg = segments[i];
    if (t >= s.endS) {
      // In a gap after stage i (or past the end): at its drawn end, never beyond the next one's start.
      const next = segments[i + 1];
      return next ? Math.min(seg.x + seg.width, next.x) : seg.x + seg.width;
    }
    const d = s.endS - s.startS;
    return seg.x + (d > 0 ? ((t - s.startS) / d) * seg.width : seg.width);
  }
  return segments[0].x;
}

/** The cursor's label: the time, and which way it reads so it stays inside the plot. */
export function cursorLabel(t: number, px: number, plotWidth: number, fontPx: number): { text: string; anchor: 'start' | 'end'; dx: number } {
  const text = formatDuration(t); // the axis says what it is measured from: the start of the migration
  const fitsRight = px + 5 + textWidth(text, fontPx) <= plotWidth;
  return fitsRight ? { text, anchor: 'start', dx: 5 } : { text, anchor: 'end', dx: -5 };
}
