import { scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import {
  alsoHereText,
  crossesLowerLabel,
  cursorLabel,
  cursorX,
  degradedSpan,
  degradedLabel,
  downtimeLabel,
  downtimeSpan,
  pickStage,
  placeLabels,
  segmentLayout,
  stageLegendFor,
  stageTooltip,
  timelineEnd,
  timelinePhases,
  timelineStages,
  timelineSummary,
} from './timeline.ts';
import { BUSY, HYBRID, IDLE, SCENARIO, THROTTLED, TINY } from './test-fixtures.ts';

describe('timeline data', () => {
  const r = BUSY;
  const stages = timelineStages(SCENARIO, r);

  it('lays out pre, every iteration, the stop-and-copy and post, back to back', () => {
    expect(stages.map((x) => x.kind)).toEqual(['pre', ...Array(r.iterations - 1).fill('iteration'), 'final', 'post']);
    expect(stages[0]).toMatchObject({ startS: 0, endS: 3.78 });
    for (let i = 1; i < stages.length; i++) expect(stages[i].startS).toBeCloseTo(stages[i - 1].endS, 9);
    expect(stages[stages.length - 1].endS).toBeCloseTo(r.migrationTimeS, 9);
    expect(timelineEnd(stages, r)).toBeCloseTo(r.migrationTimeS, 9);
  });

  it('brackets the downtime from the stop-and-copy to the end', () => {
    const span = downtimeSpan(stages, r);
    expect(span.endS - span.startS).toBeCloseTo(r.downtimeS, 9);
    expect(downtimeLabel(span)).toBe('downtime 1.08 s');
    // Under a second in milliseconds, as the summary's Downtime card shows it (issue 11: not "0.314 s" beside "314 ms").
    expect(downtimeLabel({ startS: 10, endS: 10.314, durationS: 0.314 })).toBe('downtime 314 ms');
    expect(degradedLabel({ startS: 10, endS: 10.0151, durationS: 0.0151 })).toBe('degraded 15.1 ms');
  });

  it('gives every stage at least the minimum width, without overlap, inside the plot', () => {
    const st = timelineStages(SCENARIO, TINY);
    const x = scaleLinear().domain([0, timelineEnd(st, TINY)]).range([0, 600]);
    const segs = segmentLayout(st, x, 3, 600);
    for (const seg of segs) expect(seg.width).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < segs.length; i++) expect(segs[i].x).toBeGreaterThanOrEqual(segs[i - 1].x + segs[i - 1].width - 1e-9);
    expect(segs[0].x).toBe(0);
    expect(segs[segs.length - 1].x + segs[segs.length - 1].width).toBeLessThanOrEqual(600 + 1e-9);
    // Wide stages keep their true position: the pre-migration overhead ends where its time says,
    // and the activation (most of the downtime) keeps its true extent at the end.
    expect(segs[0].width).toBeCloseTo(x(3.78), 6);
    const post = st[st.length - 1];
    expect(segs[segs.length - 1].x).toBeCloseTo(x(post.startS), 6);
    expect(segs[segs.length - 1].width).toBeCloseTo(x(post.endS) - x(post.startS), 6);
    // The first pre-copy iteration (far from the tiny ones) is exact too.
    expect(segs[1].x).toBeCloseTo(x(st[1].startS), 6);
    expect(segs[1].width).toBeCloseTo(x(st[1].endS) - x(st[1].startS), 6);
  });

  it('pushes stages back inside when the minimum widths overflow the left edge', () => {
    const st = timelineStages({ ...SCENARIO, preS: 0 }, IDLE).map((s) => ({ ...s, startS: 0, endS: 0 }));
    const x = scaleLinear().domain([0, 1]).range([0, 100]);
    const segs = segmentLayout(st, x, 3, 100);
    expect(segs[0].x).toBe(0);
    for (const seg of segs) expect(seg.width).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < segs.length; i++) expect(segs[i].x).toBeGreaterThanOrEqual(segs[i - 1].x + segs[i - 1].width - 1e-9);
  });

  it('picks the stage under the pointer, each tiny iteration on its own pixels', () => {
    const segs = [
      { x: 0, width: 100 },
      { x: 100, width: 3 },
      { x: 103, width: 3 },
      { x: 106, width: 50 },
    ];
    expect(pickStage(segs, 50)?.index).toBe(0);
    expect(pickStage(segs, 101.5)).toEqual({ index: 1, alsoHere: [] });
    expect(pickStage(segs, 104.5)).toEqual({ index: 2, alsoHere: [] });
    expect(pickStage(segs, 400)?.index).toBe(3);
    expect(pickStage([], 1)).toBeNull();
    // Overlapping segments (a plot too narrow for their minimum widths) are reported together.
    const piled = [{ x: 10, width: 3 }, { x: 10, width: 3 }, { x: 11, width: 3 }];
    const pick = pickStage(piled, 11)!;
    expect([pick.index, ...pick.alsoHere].sort()).toEqual([0, 1, 2]);
  });

  it('places labels greedily in two rows and drops what does not fit', () => {
    const placed = placeLabels(
      [
        { centre: 590, variants: ['stop-and-copy 1.03 s', 'stop-and-copy'] },
        { centre: 595, variants: ['commitment 0.314 s', 'commit'] },
        { centre: 596, variants: ['third label here'] },
      ],
      600,
      13,
      2,
    );
    expect(placed.map((p) => [p.request, p.row])).toEqual([[0, 0], [1, 1]]);
    // Clamped inside the plot.
    for (const p of placed) expect(p.x).toBeLessThanOrEqual(600);
    const withCentres = placed.map((p, i) => ({ ...p, centre: [590, 595][i] }));
    expect(crossesLowerLabel(withCentres, withCentres[1])).toBe(true);
    expect(crossesLowerLabel(withCentres, withCentres[0])).toBe(false);
  });

  it('names the phases with short durations', () => {
    const phases = timelinePhases(stages);
    expect(phases.map((p) => p.kind)).toEqual(['final', 'pre', 'iteration', 'post']);
    expect(phases[1].variants[0]).toBe('pre-migration 3.78 s');
    expect(phases[2].variants[0]).toBe('pre-copy: 3 live iterations, 20.1 s'); // the count vocabulary: live iterations
    expect(phases[0].variants[0]).toBe('stop-and-copy 763 ms');
    expect(timelinePhases(timelineStages(SCENARIO, TINY))[0].variants[0]).toBe('stop-and-copy 50.6 µs');
  });

  it('writes exact tooltips and a summary', () => {
    const tip = stageTooltip(stages[1]);
    expect(tip.title).toBe('Pre-copy iteration 1');
    expect(tip.rows).toContainEqual(['Sent', '262,144 pages']);
    expect(stageTooltip(stages[stages.length - 1]).rows).toContainEqual(['VM', 'paused (downtime)']);
    expect(alsoHereText(stages, [1, 2, 3])).toBe('Also under the pointer: iterations 1–3');
    expect(alsoHereText(stages, [4, 5])).toBe('Also under the pointer: iteration 4, commitment and activation');
    expect(alsoHereText(stages, [])).toBe('');
    const text = timelineSummary(stages, r);
    expect(text).toContain('Timeline of a 25.0 s migration');
    expect(text).toContain(`pre-copy: ${r.iterations - 1} live iterations`);
    expect(text).toContain(`${r.iterations} iterations: ${r.iterations - 1} live and the stop-and-copy`);
    expect(text).toContain('Downtime 1.08 s');
  });

  it('handles an idle VM (zero-length iterations)', () => {
    const ri = IDLE;
    const st = timelineStages(SCENARIO, ri);
    const x = scaleLinear().domain([0, timelineEnd(st, ri)]).range([0, 800]);
    const segs = segmentLayout(st, x, 3, 800);
    expect(segs.every((seg) => seg.width >= 3)).toBe(true);
    expect(downtimeSpan(st, ri).durationS).toBeCloseTo(0.314, 9);
  });
});

describe('timeline of other policies', () => {
  const stages = timelineStages(SCENARIO, HYBRID);

  it('orders post-copy: pre, the pass, the paused switch-over, activation, then the post-copy phase', () => {
    expect(stages.map((s) => s.kind)).toEqual(['pre', 'iteration', 'final', 'post', 'postcopy']);
    for (let i = 1; i < stages.length; i++) expect(stages[i].startS).toBeCloseTo(stages[i - 1].endS, 9);
    expect(stages.at(-1)!.endS).toBeCloseTo(HYBRID.migrationTimeS, 9);
    expect(timelineEnd(stages, HYBRID)).toBeCloseTo(HYBRID.migrationTimeS, 9);
  });

  it('brackets the downtime over the switch-over and activation only, and the degraded time after it', () => {
    const span = downtimeSpan(stages, HYBRID);
    expect(span.startS).toBeCloseTo(12.967, 9);
    expect(span.endS).toBeCloseTo(13.29, 9);
    expect(span.endS - span.startS).toBeCloseTo(HYBRID.downtimeS, 9);
    expect(degradedSpan(stages, HYBRID)).toEqual({ startS: 13.29, endS: 13.29 + 4.6, durationS: 4.6 });
    expect(degradedSpan(timelineStages(SCENARIO, BUSY), BUSY)).toBeNull();
  });

  it('names the post-copy phases, legend and tooltips', () => {
    const phases = timelinePhases(stages);
    expect(phases.map((p) => p.kind)).toEqual(['final', 'postcopy', 'pre', 'iteration', 'post']);
    expect(phases[0].variants[1]).toBe('switch-over');
    expect(phases[1].variants[0]).toBe('post-copy 4.61 s');
    expect(stageLegendFor(HYBRID).map((l) => l.kind)).toEqual(['pre', 'iteration', 'final', 'post', 'postcopy']);
    expect(stageLegendFor(BUSY).map((l) => l.kind)).toEqual(['pre', 'iteration', 'final', 'post']);
    const tip = stageTooltip(stages[4], HYBRID);
    expect(tip.rows).toContainEqual(['Remote faults', '23,061 pages']);
    expect(tip.rows).toContainEqual(['VM', 'running at the destination']);
    expect(stageTooltip(stages[2], HYBRID).rows).toContainEqual(['Sent', 'CPU and device state only']);
    const text = timelineSummary(stages, HYBRID);
    expect(text).toContain('switch-over (state only)');
    expect(text).toContain('post-copy phase 4.61 s, the guest degraded for 4.60 s');
  });

  it('lists throttle steps in the tooltip of the stage they fall in, and in the summary', () => {
    const st = timelineStages(SCENARIO, THROTTLED);
    expect(stageTooltip(st[3], THROTTLED).rows).toContainEqual(['Throttle', '20% from 19.4 s']);
    expect(timelineSummary(st, THROTTLED)).toContain('Throttle steps at 19.4 s (20%), 26.5 s (30%)');
  });
});

describe('timeline cursor', () => {
  const stages = timelineStages(SCENARIO, BUSY);
  const x = scaleLinear().domain([0, timelineEnd(stages, BUSY)]).range([0, 600]);
  const segments = segmentLayout(stages, x, 3, 600);

  it('sits in the stage holding the time, in proportion to its drawn width', () => {
    stages.forEach((s, i) => {
      const mid = (s.startS + s.endS) / 2;
      expect(cursorX(stages, segments, mid)).toBeCloseTo(segments[i].x + segments[i].width / 2, 6);
      // The first instant of a stage is on that stage (the later one wins at a boundary).
      expect(cursorX(stages, segments, s.startS)).toBeCloseTo(segments[i].x, 6);
    });
    expect(cursorX(stages, segments, -1)).toBe(segments[0].x);
    expect(cursorX(stages, segments, 1e9)).toBe(segments[segments.length - 1].x + segments[segments.length - 1].width);
    expect(cursorX(stages, segments, Number.NaN)).toBe(0);
  });

  it('follows the widened tiny iterations, not the linear scale', () => {
    const st = timelineStages(SCENARIO, TINY);
    const lin = scaleLinear().domain([0, timelineEnd(st, TINY)]).range([0, 400]);
    const segs = segmentLayout(st, lin, 3, 400);
    // An iteration drawn away from where the linear scale would put it (widened, or pushed left).
    const i = st.findIndex((s, j) => s.kind === 'iteration' && Math.abs(segs[j].x - lin(s.startS)) > 1);
    expect(i).toBeGreaterThan(0);
    const s = st[i];
    const px = cursorX(st, segs, (s.startS + s.endS) / 2);
    expect(px).toBeGreaterThanOrEqual(segs[i].x);
    expect(px).toBeLessThanOrEqual(segs[i].x + segs[i].width);
    // Monotonic in time along the whole run.
    let last = -Infinity;
    for (let t = 0; t <= TINY.migrationTimeS; t += TINY.migrationTimeS / 500) {
      const p = cursorX(st, segs, t);
      expect(p).toBeGreaterThanOrEqual(last - 1e-9);
      last = p;
    }
  });

  it('labels the time on the side with room', () => {
    expect(cursorLabel(12.345, 100, 600, 13)).toEqual({ text: '12.3 s', anchor: 'start', dx: 5 });
    expect(cursorLabel(12.345, 595, 600, 13)).toMatchObject({ anchor: 'end', dx: -5 });
  });
});
