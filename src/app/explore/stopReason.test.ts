// The summary's "Pre-copy stopped" card names the iteration the run itself stopped after: Xen migration
// v2's limit is its fixed five live iterations, not the Xen-only max-iterations field.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, XEN_V2_MAX_ROUNDS, simulate, type Scenario } from '../../model/index.ts';
import { stopReasonText } from './Summary.tsx';

describe('the stop reason in the summary', () => {
  it('says the iteration the run stopped after, for each policy with an iteration limit', () => {
    const cases: [Scenario, number][] = [
      [{ ...DEFAULT_SCENARIO, policy: 'xen-v2', dirtyRate: 20_000, maxIterations: 4 }, XEN_V2_MAX_ROUNDS],
      [{ ...DEFAULT_SCENARIO, policy: 'xen', dirtyRate: 20_000, maxIterations: 4, maxFactor: 30 }, 4],
    ];
    for (const [s, live] of cases) {
      const r = simulate(s);
      expect(r.stopReason, s.policy).toBe('max-iterations');
      expect(r.iterations, s.policy).toBe(live + 1);
      expect(stopReasonText(r.stopReason, s, r), s.policy).toBe(`Iteration limit: stop-and-copy after iteration ${live}`);
    }
  });
});
