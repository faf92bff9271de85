import { scaleLinear, scaleLog } from 'd3';
import { describe, expect, it } from 'vitest';
import {
  barSpan,
  countDomain,
  highlightedIteration,
  highlightText,
  iterationAxisLabel,
  iterationSummary,
  iterationTooltip,
  labelStep,
  maxCount,
  MEASURES,
  recordKind,
  showIterationLabel,
  stopReasonLine,
  throttleMarks,
} from './iterations.ts';
import { BUSY, FLOODED, HYBRID, IDLE, THROTTLED } from './test-fixtures.ts';

describe('iteration chart data', () => {
  const busy = BUSY;
  const flooded = FLOODED;

  it('draws sent, skipped and dirtied in that order', () => {
    expect(MEASURES.map((m) => m.key)).toEqual(['sent', 'skipped', 'dirtied']);
    const first = busy.perIteration[0];
    expect(MEASURES.map((m) => m.value(first))).toEqual([first.pagesSent, first.pagesSkipped, first.pagesDirtied]);
  });

  it('scales y to the largest count of any bar', () => {
    expect(maxCount(busy.perIteration)).toBe(262144);
    expect(countDomain(busy.perIteration, false)).toEqual([0, 262144]);
    expect(countDomain(busy.perIteration, true)).toEqual([1, 262144]);
    expect(countDomain([], false)).toEqual([0, 1]);
    expect(countDomain([], true)).toEqual([1, 10]);
    expect(countDomain(IDLE.perIteration, true)).toEqual([1, 262144]);
  });

  it('skips zero bars and keeps tiny ones visible', () => {
    const y = scaleLinear().domain([0, 1000]).range([100, 0]);
    expect(barSpan(0, y, 100, false)).toBeNull();
    expect(barSpan(500, y, 100, false)).toEqual({ top: 50, height: 50 });
    const tiny = barSpan(1, y, 100, false)!;
    expect(tiny.height).toBeCloseTo(1.5);
    const ly = scaleLog().domain([1, 1000]).range([90, 0]).clamp(true);
    expect(barSpan(10, ly, 90, true)!.height).toBeCloseTo(30);
    expect(barSpan(1, ly, 90, true)!.height).toBeCloseTo(1.5);
  });

  it('thins the iteration labels so they never collide', () => {
    expect(labelStep(40, 20)).toBe(1);
    expect(labelStep(12, 20)).toBe(2);
    expect(labelStep(5, 20)).toBe(5);
    expect(showIterationLabel(1, 30, 5)).toBe(true);
    expect(showIterationLabel(30, 30, 5)).toBe(true);
    expect(showIterationLabel(3, 30, 5)).toBe(false);
    expect(showIterationLabel(10, 30, 5)).toBe(true);
    // 29 is too close to the last label (30).
    expect(showIterationLabel(29, 30, 1)).toBe(true);
    expect(showIterationLabel(28, 30, 5)).toBe(false);
    // With every other label, 2 would crowd 1 and 4 does not.
    expect(showIterationLabel(2, 30, 2)).toBe(false);
    expect(showIterationLabel(4, 30, 2)).toBe(true);
    expect(showIterationLabel(28, 30, 2)).toBe(true);
    expect(showIterationLabel(29, 30, 1)).toBe(true);
  });

  it('names the stop reason', () => {
    expect(stopReasonLine(busy)).toBe('Pre-copy ended: sent more than the data limit (a multiple of the VM)');
    expect(stopReasonLine(flooded)).toBe('Pre-copy ended: iteration limit reached');
    expect(stopReasonLine(IDLE)).toBe('Pre-copy ended: few pages left to send');
    expect(stopReasonLine({ ...IDLE, stopReason: 'brand-new' as never })).toBe('Pre-copy ended: brand-new');
  });

  it('writes exact tooltips, the stop-and-copy named', () => {
    const last = busy.perIteration[busy.perIteration.length - 1];
    const tip = iterationTooltip(last);
    expect(tip.title).toBe(`Iteration ${last.iteration}: stop-and-copy`);
    expect(tip.rows).toContainEqual(['Sent', '21,788 pages']);
    expect(iterationTooltip(busy.perIteration[0]).rows).toContainEqual(['Dirtied', '183,741 pages']);
  });

  it('summarises the chart for screen readers', () => {
    const text = iterationSummary(flooded);
    expect(text).toContain('(30 iterations: 29 live and the stop-and-copy): 29 live iterations');
    expect(text).toContain('stop-and-copy of 262,144 pages');
    expect(text).toContain('iteration limit reached');
  });
});

describe('policies in the iteration chart', () => {
  it('tells the post-copy records apart from a stop-and-copy', () => {
    expect(HYBRID.perIteration.map((it) => recordKind(it, HYBRID))).toEqual(['precopy', 'switch-over', 'postcopy']);
    expect(BUSY.perIteration.map((it) => recordKind(it, BUSY)).at(-1)).toBe('stop-and-copy');
    // Without the run, a final record reads as a stop-and-copy (the old contract).
    expect(recordKind(HYBRID.perIteration[1])).toBe('stop-and-copy');
    expect(iterationAxisLabel(HYBRID)).toMatch(/post-copy phase/);
    expect(iterationAxisLabel(BUSY)).toMatch(/stop-and-copy/);
  });

  it('writes post-copy tooltips and summary', () => {
    const [, paused, phase] = HYBRID.perIteration;
    expect(iterationTooltip(paused, HYBRID).title).toBe('Iteration 2: switch-over (VM paused, state only)');
    expect(iterationTooltip(paused, HYBRID).rows).toContainEqual(['Sent', 'CPU and device state, no pages']);
    const tip = iterationTooltip(phase, HYBRID);
    expect(tip.title).toMatch(/post-copy phase/);
    expect(tip.rows).toContainEqual(['Pushed and faulted', '132,087 pages']);
    expect(tip.rows).toContainEqual(['Of which remote faults', '23,061 pages']);
    const text = iterationSummary(HYBRID);
    expect(text).toContain('1 live iteration,');
    expect(text).toContain('switch-over of');
    expect(text).toContain('post-copy phase of 132,087 pages');
  });

  it('puts each throttle step on the first iteration that runs under it', () => {
    expect(throttleMarks(THROTTLED)).toEqual([
      { iteration: 3, throttle: 0.2, atS: 19.406 },
      { iteration: 5, throttle: 0.3, atS: 26.451 },
    ]);
    expect(throttleMarks(BUSY)).toEqual([]);
    expect(iterationTooltip(THROTTLED.perIteration[2], THROTTLED).rows).toContainEqual(['Throttle', '20% from 19.4 s']);
    expect(iterationSummary(THROTTLED)).toContain('throttled the guest to 20% from iteration 3, to 30% from iteration 5');
  });
});

describe('following a player', () => {
  it('highlights an iteration the run has, and nothing before iteration 1 or past the run', () => {
    const n = BUSY.perIteration.length;
    expect(highlightedIteration(BUSY, 3)).toBe(3);
    expect(highlightedIteration(BUSY, n)).toBe(n);
    for (const none of [0, -1, n + 1, 2.5, null, undefined]) expect(highlightedIteration(BUSY, none)).toBeNull();
  });

  it('numbers post-copy records as the chart does: the switch-over and the post-copy phase', () => {
    const kinds = HYBRID.perIteration.map((it) => [highlightedIteration(HYBRID, it.iteration), recordKind(it, HYBRID)]);
    expect(kinds).toEqual(HYBRID.perIteration.map((it) => [it.iteration, recordKind(it, HYBRID)]));
    const switchOver = HYBRID.perIteration.find((it) => recordKind(it, HYBRID) === 'switch-over')!;
    expect(highlightText(HYBRID, switchOver.iteration)).toBe(` The player is at iteration ${switchOver.iteration} (switch-over (VM paused, state only)).`);
    expect(highlightText(BUSY, 2)).toBe(' The player is at iteration 2.');
    expect(highlightText(BUSY, 99)).toBe('');
  });
});
