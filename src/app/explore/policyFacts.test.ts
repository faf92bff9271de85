import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, simulate } from '../../model/index.ts';
import { HYBRID, THROTTLED } from '../charts/test-fixtures.ts';
import { policyFacts, signedDuration, timeSavedFact } from './policyFacts.ts';

const ids = (facts: { id: string }[]) => facts.map((f) => f.id);

describe('policy facts', () => {
  it('has nothing to add for a plain Xen run', () => {
    expect(policyFacts(DEFAULT_SCENARIO, simulate({ ...DEFAULT_SCENARIO, dirtyRate: 20000 }), null)).toEqual([]);
  });

  it('lists auto-converge steps and the CPU the guest lost', () => {
    const facts = policyFacts({ ...DEFAULT_SCENARIO, policy: 'qemu', autoConverge: true }, THROTTLED, null);
    expect(ids(facts)).toEqual(['cpu-lost', 'throttle']);
    expect(facts[1].value).toBe('2 steps, up to 30 %');
    expect(facts[1].note).toBe('20 % from 19.4 s, 30 % from 26.5 s');
    expect(facts[0].value).toBe('2.10 s');
    expect(facts[0].note).toContain('throttled by auto-converge');
    const never = policyFacts({ ...DEFAULT_SCENARIO, policy: 'qemu', autoConverge: true }, { ...THROTTLED, throttle: [] }, null);
    expect(never.find((f) => f.id === 'throttle')!.value).toBe('never throttled');
  });

  it('says what downtime a QEMU run that never converged needed', () => {
    const s = { ...DEFAULT_SCENARIO, policy: 'qemu' as const, dirtyRate: 40000, timeoutS: 30 };
    const r = simulate(s);
    expect(r.stopReason).toBe('no-convergence');
    const [fact] = policyFacts(s, r, null);
    expect(fact.id).toBe('required-downtime');
    expect(fact.value).toMatch(/^needed \d[\d.,]* s of downtime \(limit 300 ms\)$/);
  });

  it('reports post-copy faults and degraded time', () => {
    const facts = policyFacts({ ...DEFAULT_SCENARIO, policy: 'hybrid' }, HYBRID, null);
    expect(facts.map((f) => [f.id, f.value])).toEqual([
      ['remote-faults', '23,061 pages'],
      ['degraded-time', '4.60 s'],
    ]);
  });

  it('weighs the time a vCPU limit saves against the CPU it costs, and the downtime change', () => {
    const s = { ...DEFAULT_SCENARIO, dirtyRate: 20000, vcpuLimit: 0.25 };
    const r = simulate(s);
    const free = simulate({ ...s, vcpuLimit: 1 });
    const fact = timeSavedFact(s, r, free)!;
    const saved = free.migrationTimeS - r.migrationTimeS;
    expect(fact.value).toBe(`${saved.toFixed(1)} s (${Number(((saved / free.migrationTimeS) * 100).toPrecision(3))} %)`);
    expect(fact.note).toContain('For 75 % less CPU for the writer');
    expect(fact.note).toContain('cannot raise downtime');
    expect(timeSavedFact({ ...s, vcpuLimit: 1 }, r, free)).toBeNull();
    expect(ids(policyFacts(s, r, free))).toEqual(['time-saved', 'cpu-lost']);
    expect(signedDuration(-0.541)).toBe('−541 ms');
    expect(signedDuration(2)).toBe('+2.00 s');
    expect(signedDuration(0)).toBe('no change');
  });
});

describe('QEMU passes and syncs', () => {
  it('a QEMU run says its passes and its dirty-sync-count side by side, last; other policies do not', () => {
    const s = { ...DEFAULT_SCENARIO, policy: 'qemu' as const, dirtyRate: 5000 };
    const r = simulate(s);
    const facts = policyFacts(s, r, null);
    const syncs = facts[facts.length - 1];
    expect(syncs.id).toBe('syncs');
    expect(syncs.value).toBe(`${r.iterations} iterations (passes), ${r.syncs} syncs`);
    expect(r.syncs!).toBeGreaterThanOrEqual(r.iterations + 1);
    expect(ids(policyFacts(DEFAULT_SCENARIO, simulate(DEFAULT_SCENARIO), null))).not.toContain('syncs');
  });
});
