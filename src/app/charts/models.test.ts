// The curves' model overlay: the closed form at the swept rates (so the table lines up), or over the
// domain before any point; RAM / bandwidth for the current link.
import { describe, expect, it } from 'vitest';
import { closedForm, naiveMigrationTimeS } from '../../model/closed-form.ts';
import { MODEL_POINTS, metricDomain, modelOverlay, nearestModelPoint } from './curves.ts';
import { SCENARIO } from './test-fixtures.ts';
import type { CurveSeries } from './types.ts';

const point = (rate: number) => ({ linkMbps: 935, rate, migrationTimeS: 14, downtimeS: 0.4, iterations: 5, pagesSent: 1 });
const swept: CurveSeries = { linkMbps: 935, label: '1 Gbps', current: true, points: [point(100), point(1000), point(1e5)] };

describe('modelOverlay', () => {
  it('follows the swept rates, each point the closed form at that rate', () => {
    const o = modelOverlay(SCENARIO, [swept], [100, 1e5]);
    expect(o.closedForm.map((p) => p.rate)).toEqual([100, 1000, 1e5]);
    const c = closedForm({ ...SCENARIO, dirtyRate: 1e5 });
    expect(o.closedForm[2]).toEqual({ rate: 1e5, migrationTimeS: c.migrationTimeS, downtimeS: c.downtimeS, iterations: c.iterations });
    expect(o.naiveS).toBe(naiveMigrationTimeS(SCENARIO));
  });
  it('spans the domain before anything is swept, and ignores the scenario\'s own rate', () => {
    const o = modelOverlay({ ...SCENARIO, dirtyRate: 123 }, [], [100, 1e6]);
    expect(o.closedForm).toHaveLength(MODEL_POINTS);
    expect(o.closedForm[0].rate).toBe(100);
    expect(o.closedForm.at(-1)!.rate).toBe(1e6);
  });
  it('nearestModelPoint snaps on a log axis', () => {
    const o = modelOverlay(SCENARIO, [swept], [100, 1e5]);
    expect(nearestModelPoint(o.closedForm, 400)!.rate).toBe(1000);
    expect(nearestModelPoint([], 400)).toBeUndefined();
  });
  it('extra values widen a panel\'s domain (the naive line under every bound)', () => {
    const d = metricDomain('migrationTimeS', [swept], [], null, true, [0.5]);
    expect(d[0]).toBeLessThanOrEqual(0.5);
  });
});
