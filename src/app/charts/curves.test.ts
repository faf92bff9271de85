import { describe, expect, it } from 'vitest';
import type { SweepPoint } from '../../model/sweep.ts';
import {
  curvesSummary,
  DEFAULT_RATE_DOMAIN,
  drawOrder,
  hoverRows,
  markerFor,
  markerTooltip,
  metricDomain,
  nearestPointIndex,
  pointAt,
  rateDomain,
  seriesBounds,
  seriesColourVar,
  snapRate,
  tableRates,
} from './curves.ts';
import { BUSY, IDLE, SCENARIO } from './test-fixtures.ts';
import type { CurveSeries } from './types.ts';

const pt = (rate: number, linkMbps = 935): SweepPoint => ({ linkMbps, rate, migrationTimeS: 1, downtimeS: 0.5, iterations: 3, pagesSent: 10 });
const series = (linkMbps: number, rates: number[], current = false): CurveSeries => ({
  linkMbps,
  label: `${linkMbps}`,
  points: rates.map((r) => pt(r, linkMbps)),
  current,
});

describe('curves chart data', () => {
  it('finds the nearest point on a log axis', () => {
    const pts = [100, 1000, 10000].map((r) => pt(r));
    expect(nearestPointIndex([], 5)).toBe(-1);
    expect(nearestPointIndex(pts, 50)).toBe(0);
    expect(nearestPointIndex(pts, 200)).toBe(0);
    // 400 is nearer 1000 than 100 in log terms (linear distance would say 100).
    expect(nearestPointIndex(pts, 400)).toBe(1);
    expect(nearestPointIndex(pts, 5000)).toBe(2);
    expect(nearestPointIndex(pts, 1e9)).toBe(2);
  });

  it('snaps the hover to the nearest swept rate of any series', () => {
    const s = [series(94.2, [100, 1000]), series(935, [300, 3000])];
    expect(snapRate(s, 280)).toBe(300);
    expect(snapRate(s, 900)).toBe(1000);
    expect(snapRate([series(1, [])], 5)).toBeNull();
    const rows = hoverRows(s, 1000);
    expect(rows.map((r) => [r.series.linkMbps, r.point.rate])).toEqual([[94.2, 1000], [935, 3000]]);
  });

  it('colours presets alike whether current or not, any other link with --series-4', () => {
    expect(seriesColourVar(94.2)).toBe('--series-1');
    expect(seriesColourVar(935)).toBe('--series-2');
    expect(seriesColourVar(7120)).toBe('--series-3');
    expect(seriesColourVar(2500)).toBe('--series-4');
  });

  it('draws the current series last', () => {
    const s = [series(935, [], true), series(94.2, []), series(7120, [])];
    expect(drawOrder(s).map((x) => x.linkMbps)).toEqual([94.2, 7120, 935]);
  });

  it('spans the x axis over the swept rates and the scenario, never 0', () => {
    expect(rateDomain([], 0)).toEqual(DEFAULT_RATE_DOMAIN);
    expect(rateDomain([series(935, [200, 300000])], 0)).toEqual([200, 300000]);
    expect(rateDomain([series(935, [200, 300000])], 5e6)).toEqual([200, 5e6]);
    expect(rateDomain([], 50)).toEqual([50, 1e6]);
  });

  it('pins a zero-rate marker at the left edge', () => {
    const m = markerFor({ ...SCENARIO, dirtyRate: 0 }, IDLE, [100, 1e6])!;
    expect(m.pinned).toBe(true);
    expect(markerTooltip(m, 4096).rows[0][1]).toContain('left edge');
    expect(m.migrationTimeS).toBeCloseTo(IDLE.migrationTimeS);
    const m2 = markerFor({ ...SCENARIO, dirtyRate: 20000 }, BUSY, [100, 1e6])!;
    expect(m2.pinned).toBe(false);
    expect(markerTooltip(m2, 4096).rows[0][1]).toBe('20,000 pages/s (81.9 MB/s)');
    expect(markerFor(SCENARIO, null, [100, 1e6])).toBeNull();
  });

  it('computes Eq. 3 and 4 per series and keeps them in the y domain', () => {
    const s = [series(94.2, []), series(7120, [])];
    const b = seriesBounds(SCENARIO, s);
    // Akoush Table I: 100 Mbps MT 95.3..459.1 s, 10 Gbps DT up to 1.5187 s.
    expect(b[0].bounds.migrationTimeS.lower).toBeCloseTo(95.3, 0);
    expect(b[0].bounds.migrationTimeS.upper).toBeGreaterThan(455);
    expect(b[1].bounds.downtimeS.upper).toBeCloseTo(1.5187, 2);
    const [lo, hi] = metricDomain('migrationTimeS', s, b, null, true);
    expect(lo).toBeCloseTo(b[1].bounds.migrationTimeS.lower);
    expect(hi).toBeCloseTo(b[0].bounds.migrationTimeS.upper);
    expect(metricDomain('downtimeS', s, b, null, false)[0]).toBe(0);
  });

  it('merges the rates of partial series for the table', () => {
    const s = [series(94.2, [100, 1000]), series(935, [100, 300])];
    expect(tableRates(s)).toEqual([100, 300, 1000]);
    expect(pointAt(s[0], 300)).toBeUndefined();
    expect(pointAt(s[1], 300)?.rate).toBe(300);
  });

  it('summarises the chart for screen readers', () => {
    const s: CurveSeries[] = [{ linkMbps: 935, label: '1 Gbps (935 Mbit/s)', points: [100, 1000, 10000].map((r) => pt(r)), current: true }];
    const text = curvesSummary(s, markerFor({ ...SCENARIO, dirtyRate: 1000 }, BUSY, [100, 1e4]), [100, 1e4], 4096);
    expect(text).toContain('1 Gbps (935 Mbit/s) (current)');
    expect(text).toContain('from 100 pages/s to 10,000 pages/s');
    expect(text).toContain('3 points');
    expect(text).toContain('1,000 pages/s (4.10 MB/s)');
    expect(curvesSummary([], null, [100, 1e6], 4096)).toContain('still computing');
  });
});
