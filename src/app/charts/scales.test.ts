import { scaleLinear, scaleLog } from 'd3';
import { describe, expect, it } from 'vitest';
import {
  chartHeight,
  clamp,
  domId,
  logTickLabelled,
  positiveExtent,
  scaleTicks,
  tickCount,
  zeroExtent,
} from './scales.ts';

describe('scale helpers', () => {
  it('counts ticks by spacing, at least two', () => {
    expect(tickCount(400, 50)).toBe(8);
    expect(tickCount(30, 50)).toBe(2);
  });

  it('labels every linear tick', () => {
    const y = scaleLinear().domain([0, 100]).range([100, 0]);
    const ticks = scaleTicks(y, 5, String, false);
    expect(ticks.map((t) => t.label)).toEqual(['0', '20', '40', '60', '80', '100']);
  });

  it('labels only 1-2-5 or powers of ten on a log axis and keeps the minor ticks unlabelled', () => {
    const x = scaleLog().domain([100, 1e6]).range([0, 400]);
    const ticks = scaleTicks(x, 5, (v) => String(v), true);
    const labelled = ticks.filter((t) => t.label).map((t) => t.value);
    expect(labelled).toEqual([100, 1000, 10000, 100000, 1000000]);
    expect(ticks.length).toBeGreaterThan(labelled.length);
    // Fewer decades, more room: 1, 2 and 5 get labels.
    const narrow = scaleTicks(scaleLog().domain([0.1, 100]).range([0, 600]), 12, (v) => String(v), true);
    expect(narrow.filter((t) => t.label).map((t) => t.value)).toEqual([0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100]);
  });

  it('labels the ends of a log domain inside one decade', () => {
    const ticks = scaleTicks(scaleLog().domain([2.1, 2.9]).range([0, 100]), 5, (v) => v.toFixed(1), true);
    const labels = ticks.filter((t) => t.label);
    expect(labels.length).toBeGreaterThanOrEqual(2);
  });

  it('labels log ticks 1-2-5 or powers of ten by the room there is', () => {
    expect(logTickLabelled(1000, 5, 36)).toBe(true);
    expect(logTickLabelled(2000, 5, 36)).toBe(false);
    expect(logTickLabelled(2000, 12, 36)).toBe(true);
    expect(logTickLabelled(3000, 12, 36)).toBe(false);
    expect(logTickLabelled(0.5, 12, 36)).toBe(true);
    expect(logTickLabelled(3000, 40, 36)).toBe(true);
    expect(logTickLabelled(0, 10, 36)).toBe(false);
  });

  it('finds positive extents for log scales', () => {
    expect(positiveExtent([0, 0.314, 91.5, Number.NaN, -1], [1, 10])).toEqual([0.314, 91.5]);
    expect(positiveExtent([0, 0], [1, 10])).toEqual([1, 10]);
    expect(positiveExtent([4], [1, 10])).toEqual([2, 8]);
  });

  it('finds zero-based extents for linear scales', () => {
    expect(zeroExtent([3, 7, Number.NaN])).toEqual([0, 7]);
    expect(zeroExtent([0])).toEqual([0, 1]);
  });

  it('sizes plots within their bounds', () => {
    expect(chartHeight(1000, 0.4, 300, 460)).toBe(400);
    expect(chartHeight(500, 0.4, 300, 460)).toBe(300);
    expect(chartHeight(2000, 0.4, 300, 460)).toBe(460);
    expect(clamp(5, 0, 3)).toBe(3);
  });

  it('makes ids safe for url(#…)', () => {
    expect(domId(':r1:', 'hatch')).toBe('cr1-hatch');
    expect(domId('«r2»', 'hatch')).toBe('cr2-hatch');
  });
});
