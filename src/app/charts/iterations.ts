// Data preparation for the per-iteration chart (Asterisk paper Fig. 5 and 6): pure, no DOM.
import { countsText, liveText, runCounts } from '../../model/words/counts.ts';
import { STOP_REASON_TEXT, type IterationRecord, type RunResult } from '../../model/result.ts';
import { formatDuration, formatInstant, formatPages, formatSeconds } from './format.ts';

export type Measure = 'sent' | 'skipped' | 'dirtied';

export interface MeasureInfo {
  key: Measure;
  label: string;
  /** CSS custom property with its colour. */
  colourVar: string;
  value: (it: IterationRecord) => number;
}

/** The bars of each group, left to right. */
export const MEASURES: readonly MeasureInfo[] = [
  { key: 'sent', label: 'Pages sent', colourVar: '--sent', value: (it) => it.pagesSent },
  { key: 'skipped', label: 'Pages skipped', colourVar: '--skipped', value: (it) => it.pagesSkipped },
  { key: 'dirtied', label: 'Pages dirtied', colourVar: '--dirtied', value: (it) => it.pagesDirtied },
];

/** The lowest value of the log y axis: a bar of one page has no height, zero-page bars are not drawn. */
export const LOG_FLOOR = 1;

/** The largest value any bar reaches (0 when every count is 0). */
export function maxCount(iterations: readonly IterationRecord[]): number {
  let max = 0;
  for (const it of iterations) {
    for (const m of MEASURES) {
      const v = m.value(it);
      if (v > max) max = v;
    }
  }
  return max;
}

/** The y domain before d3's nice(): [0, max] linear, [1, max] log (at least one decade). */
export function countDomain(iterations: readonly IterationRecord[], log: boolean, overlays: readonly { sent: readonly number[] }[] = []): [number, number] {
  const max = Math.max(maxCount(iterations), ...overlays.flatMap((o) => o.sent));
  if (log) return [LOG_FLOOR, Math.max(10, max)];
  return [0, Math.max(1, max)];
}

/**
 * Top and bottom pixel of a bar of `value` on `y` (`base` is the plot's bottom), or null when the bar
 * is not drawn (zero pages). Non-zero bars are at least `minPx` tall so a handful of pages still shows.
 */
export function barSpan(
  value: number,
  y: (v: number) => number,
  base: number,
  log: boolean,
  minPx = 1.5,
): { top: number; height: number } | null {
  if (!(value > 0)) return null;
  const top = log ? y(Math.max(value, LOG_FLOOR)) : y(value);
  const height = Math.max(minPx, base - top);
  return { top: base - height, height };
}

/** Label every `step`-th iteration so the x labels never collide (1, 2, 5, 10, …). */
export function labelStep(bandPx: number, labelPx: number): number {
  for (const step of [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]) {
    if (bandPx * step >= labelPx) return step;
  }
  return 1000;
}

/** Whether iteration `n` (1-based) of `count` gets an x label: every step-th, the first and the last. */
export function showIterationLabel(n: number, count: number, step: number): boolean {
  if (n === 1 || n === count || step === 1) return true;
  if (n % step !== 0) return false;
  // Keep clear of the first and the last label.
  return n - 1 >= step * 0.75 && count - n >= step * 0.75;
}

/** What a record stands for: a live pass, Xen/QEMU's stop-and-copy, or post-copy's pause and push phase. */
export type RecordKind = 'precopy' | 'stop-and-copy' | 'switch-over' | 'postcopy';

export function hasPostcopy(result: RunResult): boolean {
  return result.perIteration.some((it) => it.phase === 'postcopy');
}

export function recordKind(it: IterationRecord, result?: RunResult): RecordKind {
  if (it.phase === 'postcopy') return 'postcopy';
  if (!it.final) return 'precopy';
  return result && hasPostcopy(result) ? 'switch-over' : 'stop-and-copy';
}

export interface ThrottleMark {
  /** The first iteration that ran under the new throttle. */
  iteration: number;
  throttle: number;
  atS: number;
}

/** Auto-converge's steps, each on the first iteration that starts at or after it (none past the run). */
export function throttleMarks(result: RunResult): ThrottleMark[] {
  const marks: ThrottleMark[] = [];
  for (const step of result.throttle ?? []) {
    const it = result.perIteration.find((r) => r.startS >= step.atS - 1e-9);
    if (it) marks.push({ iteration: it.iteration, throttle: step.throttle, atS: step.atS });
  }
  return marks;
}

export function throttleText(throttle: number): string {
  return `${Math.round(throttle * 100)}%`;
}

/** The x axis' title. */
export function iterationAxisLabel(result: RunResult): string {
  return hasPostcopy(result) ? 'Iteration (then the switch-over and the post-copy phase)' : 'Iteration (the last is the stop-and-copy)';
}

export function stopReasonLine(result: RunResult): string {
  // A policy may add reasons before their text exists: fall back to the id.
  const text = (STOP_REASON_TEXT as Partial<Record<string, string>>)[result.stopReason] ?? String(result.stopReason);
  return `Pre-copy ended: ${text}`;
}

const KIND_TITLE: Record<RecordKind, string> = {
  precopy: '',
  'stop-and-copy': ': stop-and-copy',
  'switch-over': ': switch-over (VM paused, state only)',
  postcopy: ': post-copy phase (guest running at the destination)',
};

/** One line per iteration for the tooltip (`result` tells post-copy's records apart). */
export function iterationTooltip(it: IterationRecord, result?: RunResult): { title: string; rows: [string, string][] } {
  const kind = recordKind(it, result);
  const rows: [string, string][] = [
    ['Time', `${formatInstant(it.startS, it.endS - it.startS)}–${formatInstant(it.endS, it.endS - it.startS)} s`],
    ['Duration', formatDuration(it.endS - it.startS)],
  ];
  if (kind === 'postcopy') {
    const faults = result?.remoteFaults;
    rows.push(['Pushed and faulted', `${formatPages(it.pagesSent)} pages`]);
    if (faults !== undefined) rows.push(['Of which remote faults', `${formatPages(faults)} pages`]);
  } else if (kind === 'switch-over') {
    rows.push(['Sent', 'CPU and device state, no pages']);
  } else {
    rows.push(['Sent', `${formatPages(it.pagesSent)} pages`], ['Skipped', `${formatPages(it.pagesSkipped)} pages`]);
    rows.push(['Dirtied', it.final ? '0 pages (VM paused)' : `${formatPages(it.pagesDirtied)} pages`]);
  }
  const mark = result ? throttleMarks(result).find((m) => m.iteration === it.iteration) : undefined;
  if (mark) rows.push(['Throttle', `${throttleText(mark.throttle)} from ${formatSeconds(mark.atS)} s`]);
  return { title: `Iteration ${it.iteration}${KIND_TITLE[kind]}`, rows };
}

/** The SVG's aria-label. */
export function iterationSummary(result: RunResult): string {
  const its = result.perIteration;
  const kinds = its.map((it) => recordKind(it, result));
  const precopy = kinds.filter((k) => k === 'precopy').length;
  const parts: string[] = [];
  its.forEach((it, i) => {
    if (kinds[i] === 'stop-and-copy') parts.push(`then a stop-and-copy of ${formatPages(it.pagesSent)} pages lasting ${formatDuration(it.endS - it.startS)}`);
    if (kinds[i] === 'switch-over') parts.push(`then a switch-over of ${formatDuration(it.endS - it.startS)} sending only the CPU and device state`);
    if (kinds[i] === 'postcopy') parts.push(`then a post-copy phase of ${formatPages(it.pagesSent)} pages pushed and faulted over ${formatDuration(it.endS - it.startS)}`);
  });
  const marks = throttleMarks(result);
  const throttle = marks.length ? ` Auto-converge throttled the guest ${marks.map((m) => `to ${throttleText(m.throttle)} from iteration ${m.iteration}`).join(', ')}.` : '';
  return (
    `Bar chart of pages sent, skipped and dirtied per iteration (${countsText(runCounts(result))}): ${liveText(precopy)}${parts.length ? `, ${parts.join(', ')}` : ''}. ` +
    `${formatPages(result.pagesSent)} pages sent in all. ${stopReasonLine(result)}.${throttle}`
  );
}

/**
 * The iteration to emphasise when the chart follows a player: `iteration` if the run has a record of
 * that number (the replay numbers its events as the records), else null (before iteration 1, or an
 * iteration the shown run does not have, so nothing is dimmed for nothing).
 */
export function highlightedIteration(result: RunResult, iteration: number | null | undefined): number | null {
  if (iteration === null || iteration === undefined || !Number.isInteger(iteration) || iteration < 1) return null;
  return result.perIteration.some((it) => it.iteration === iteration) ? iteration : null;
}

/** The sentence the chart's aria-label gains while an iteration is highlighted. */
export function highlightText(result: RunResult, iteration: number): string {
  const it = result.perIteration.find((r) => r.iteration === iteration);
  if (!it) return '';
  const kind = recordKind(it, result);
  const what = kind === 'precopy' ? `iteration ${iteration}` : `iteration ${iteration} (${KIND_TITLE[kind].slice(2)})`;
  return ` The player is at ${what}.`;
}
