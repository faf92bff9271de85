import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../model/index.ts';
import { SWEEP_RATES, comparedPolicies, planCurves } from './curvesPlan.ts';

describe('curves plan', () => {
  it('plans the three links and the current one, then each compared policy on the current link', () => {
    const plan = planCurves({ ...DEFAULT_SCENARIO, linkMbps: 2500 }, ['postcopy', 'xen'], null);
    expect(plan.mode).toBe('rate');
    expect(plan.specs.map((s) => [s.policy, s.linkMbps, s.current])).toEqual([
      ['xen', 94.2, false],
      ['xen', 935, false],
      ['xen', 7120, false],
      ['xen', 2500, true],
      ['postcopy', 2500, false],
    ]);
    expect(plan.specs.every((s) => s.xs === SWEEP_RATES)).toBe(true);
    expect(plan.specs[4].label).toBe('Post-copy (2,500 Mbit/s)');
    expect(comparedPolicies('qemu', ['hybrid', 'qemu', 'xen'])).toEqual(['xen', 'hybrid']);
  });

  it('keeps its key while only the rate or the start moves, and shares curves across policies', () => {
    const a = planCurves({ ...DEFAULT_SCENARIO, dirtyRate: 10 }, ['qemu'], null);
    expect(planCurves({ ...DEFAULT_SCENARIO, dirtyRate: 5000, traceStartS: 30 }, ['qemu'], null).key).toBe(a.key);
    expect(planCurves({ ...DEFAULT_SCENARIO, vmMiB: 512 }, ['qemu'], null).key).not.toBe(a.key);
    // QEMU's curve on the current link is the same series whichever policy is the scenario's.
    const b = planCurves({ ...DEFAULT_SCENARIO, policy: 'qemu' }, ['xen'], null);
    expect(b.specs.find((s) => s.policy === 'qemu' && s.linkMbps === 935)!.id).toBe(a.specs.find((s) => s.policy === 'qemu')!.id);
  });

  it('with a trace, plans the start times for the scenario policy and the compared ones', () => {
    const starts = [0, 10, 20];
    const plan = planCurves({ ...DEFAULT_SCENARIO, policy: 'hybrid' }, ['xen'], { id: 'nfs-rising', starts });
    expect(plan.mode).toBe('start');
    expect(plan.traceId).toBe('nfs-rising');
    expect(plan.specs.map((s) => [s.policy, s.current, s.xs])).toEqual([
      ['hybrid', true, starts],
      ['xen', false, starts],
    ]);
    expect(planCurves({ ...DEFAULT_SCENARIO, policy: 'hybrid', traceStartS: 15, dirtyRate: 9 }, ['xen'], { id: 'nfs-rising', starts }).key).toBe(plan.key);
    expect(planCurves({ ...DEFAULT_SCENARIO, policy: 'hybrid' }, ['xen'], { id: 'upload-1', starts }).key).not.toBe(plan.key);
  });
});
