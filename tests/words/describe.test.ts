// The one scenario description: every field of FIELDS is described when it matters, for every policy,
// only the chosen policy's settings are named, and two scenarios that differ get different descriptions.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, FIELDS, POLICIES, simulate, type Field, type Scenario } from '../../src/model/index.ts';
import { describeDifference, describeFigure, describeScenario, fieldApplies, fieldPhrase, fieldPolicies, scenarioPhrases } from '../../src/model/words/describe.ts';
import { whyEqual } from '../../src/model/words/why-equal.ts';

/** A valid value for the field that is not its default (and not the other value of a flag). */
function otherValue(field: Field): unknown {
  const d = (DEFAULT_SCENARIO as unknown as Record<string, unknown>)[field.key];
  if (field.kind === 'flag') return !d;
  if (field.kind === 'choice') return field.options.find((o) => o !== d);
  if (field.nullable && d === null) return field.integer ? Math.max(1, Math.ceil(field.min)) + 1 : field.max / 2;
  if (field.powerOfTwo) return (d as number) * 2;
  const mid = field.min + (field.max - field.min) / 3;
  return field.integer ? Math.round(mid) : Number(mid.toPrecision(3));
}

/** A scenario where `field` applies, with every other field at its default. */
function scenarioFor(field: Field, policy: Scenario['policy']): Scenario {
  const s: Scenario = { ...DEFAULT_SCENARIO, policy };
  if (field.key === 'hotFraction' || field.key === 'hotShare') s.pattern = 'hotcold';
  if (field.key === 'seed') s.pattern = 'uniform';
  return s;
}

const TRACE = { kind: 'shipped', name: 'nfs-rising' } as const;

describe('describeScenario', () => {
  for (const policy of POLICIES) {
    describe(policy, () => {
      for (const field of FIELDS) {
        const applies = fieldPolicies(field) === null || fieldPolicies(field)!.includes(policy);
        it(`${field.flag}: ${applies ? 'a changed value changes the description' : 'not named (another policy’s setting)'}`, () => {
          const traced = field.key === 'traceStartS';
          const trace = traced ? TRACE : null;
          const base = scenarioFor(field, policy);
          const changed = { ...base, [field.key]: otherValue(field) } as Scenario;
          if (field.key === 'policy') {
            const other = { ...base, policy: POLICIES.find((p) => p !== policy)! };
            expect(describeScenario(other)).not.toBe(describeScenario(base));
            return;
          }
          if (!applies) {
            expect(describeScenario(changed, trace)).toBe(describeScenario(base, trace));
            expect(scenarioPhrases(changed, trace).some((p) => p.key === field.key)).toBe(false);
            return;
          }
          expect(fieldApplies(field, changed, traced)).toBe(true);
          expect(describeScenario(changed, trace)).not.toBe(describeScenario(base, trace));
          expect(describeScenario(changed, trace)).toContain(fieldPhrase(field, changed));
          expect(describeDifference(base, changed, trace)).toContain(fieldPhrase(field, changed));
        });
      }
    });
  }

  it('names the chosen policy’s settings even at their defaults: QEMU’s cap and auto-converge are never hidden', () => {
    const qemu = describeScenario({ ...DEFAULT_SCENARIO, policy: 'qemu' });
    expect(qemu).toBe('QEMU/KVM (downtime limit 300 ms, max-bandwidth 128 MiB/s, auto-converge off, timeout 150 s): 1 GiB VM, 935 Mbit/s link, 0 pages/s dirtied');
    expect(describeScenario({ ...DEFAULT_SCENARIO, policy: 'qemu', autoConverge: true })).toContain('auto-converge on');
    expect(describeScenario({ ...DEFAULT_SCENARIO, policy: 'postcopy' })).toBe('Post-copy: 1 GiB VM, 935 Mbit/s link, 0 pages/s dirtied');
  });

  it('a trace replaces the rate, with its start', () => {
    const text = describeScenario({ ...DEFAULT_SCENARIO, dirtyRate: 5000, traceStartS: 30 }, TRACE);
    expect(text).not.toContain('pages/s dirtied');
    expect(text).toContain('dirty rate from the shipped trace nfs-rising, starting 30.0 s into the trace');
    // At the default start too: the trace is part of the headline, never dropped as a default.
    expect(describeScenario(DEFAULT_SCENARIO, TRACE)).toContain('dirty rate from the shipped trace nfs-rising, starting 0 s into the trace');
  });

  it('a figure names its compared policies and its pins by how they differ', () => {
    const s = { ...DEFAULT_SCENARIO, policy: 'qemu' as const };
    const text = describeFigure(s, null, { compare: ['qemu', 'xen'], pins: [{ name: 'AC', scenario: { ...s, autoConverge: true } }, { name: 'Same', scenario: s }] });
    expect(text).toContain('Compared with Xen 3.x (Akoush).');
    expect(text).toContain('Pinned: AC (auto-converge on); Same (the same scenario).');
  });
});

describe('whyEqual', () => {
  // The case: 64 GiB, QEMU at its default 128 MiB/s cap, 50k vs 200k pages/s, with and without
  // auto-converge: all the same result, because the first pass outlasts the timeout at the capped rate.
  const a: Scenario = { ...DEFAULT_SCENARIO, vmMiB: 65_536, linkMbps: 7120, policy: 'qemu', dirtyRate: 50_000 };
  const b: Scenario = { ...a, dirtyRate: 200_000 };
  const c: Scenario = { ...b, autoConverge: true };
  const [ra, rb, rc] = [a, b, c].map((s) => simulate(s));

  it('says which settings differ and why the result does not', () => {
    const text = whyEqual(a, ra, c, rc);
    expect(text).not.toBeNull();
    expect(text).toContain('Differs in 200,000 pages/s dirtied, auto-converge on');
    expect(text).toContain('capped at 128 MiB/s');
    expect(text).toContain('auto-converge never throttled');
    expect(whyEqual(a, ra, b, rb)).toContain('timeout');
  });

  it('is null when the results differ or the scenarios are the same', () => {
    const faster = { ...a, maxBandwidthMiBps: 1000 };
    expect(whyEqual(a, ra, faster, simulate(faster))).toBeNull();
    expect(whyEqual(a, ra, a, ra)).toBeNull();
  });
});
