// The trackers' closed-form batches (walkAhead) against the same tracker one batch at a time: for the
// sequential writer equal in every field, to the bit, on VMs from 1 page to 16 TiB; for the random
// patterns' expected values equal up to 16 GiB and within a millionth beyond.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate, type RunResult, type Scenario } from '../../src/model/index.ts';
import { ExpectedTracker } from '../../src/model/patterns/expected.ts';
import { SequentialTracker } from '../../src/model/patterns/sequential.ts';
import { regionsOf, workingSetOf } from '../../src/model/patterns/regions.ts';
import { pushStepPages, runPostcopy } from '../../src/model/policies/postcopy.ts';
import { Run } from '../../src/model/policies/run.ts';
import { runXen } from '../../src/model/policies/xen.ts';
import { pagesOf } from '../../src/model/units.ts';
import { expectClose, mbpsFor, scenario } from './helpers.ts';

/** Xen over a sequential tracker without its walkAhead: every batch stepped. */
function stepped(s: Scenario): RunResult {
  const tracker = new SequentialTracker(pagesOf(s.vmMiB, s.pageBytes), workingSetOf(s));
  Object.defineProperty(tracker, 'walkAhead', { value: undefined });
  return runXen(new Run(s, tracker));
}

/** Counts the batches the fast run still steps (to show the closed form is taken at all). */
function countBatches(s: Scenario): { fast: number; slow: number } {
  const count = (ahead: boolean) => {
    const tracker = new SequentialTracker(pagesOf(s.vmMiB, s.pageBytes), workingSetOf(s));
    if (!ahead) Object.defineProperty(tracker, 'walkAhead', { value: undefined });
    let n = 0;
    const batch = tracker.batch.bind(tracker);
    tracker.batch = (...a) => (n++, batch(...a));
    runXen(new Run(s, tracker));
    return n;
  };
  return { fast: count(true), slow: count(false) };
}

describe('walkAhead = batch by batch (sequential, Xen)', () => {
  it('a 1 TiB VM around the link rate takes far fewer steps, with the same result', () => {
    for (const rate of [8_560, 27_678, 28_400, 28_530, 28_534, 28_535, 28_560, 29_105, 85_602, 856_020]) {
      const s = scenario({ vmMiB: 1_048_576, dirtyRate: rate });
      expect(simulate(s), `rate ${rate}`).toEqual(stepped(s));
    }
    const { fast, slow } = countBatches(scenario({ vmMiB: 65_536, dirtyRate: 20_000 }));
    expect(fast * 100).toBeLessThan(slow);
  });

  it('random scenarios from 1 page to 16 TiB', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 34, noNaN: true }).map((x) => Math.max(1, Math.floor(2 ** x))),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.constantFrom(94.2, 935, 7120, 25_000, 100_000),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
        fc.constantFrom(512, 4096),
        (pages, logRatio, linkMbps, wss, pageBytes) => {
          const linkPages = (linkMbps * 1e6) / 8 / pageBytes;
          const s = scenario({
            vmMiB: (pages * pageBytes) / 1_048_576,
            pageBytes,
            linkMbps,
            dirtyRate: Math.min(1e6, linkPages * 10 ** logRatio),
            wssPages: wss === null ? null : Math.max(1, Math.ceil(wss * pages)),
          });
          if (s.vmMiB > 16_777_216) return;
          expect(simulate(s)).toEqual(stepped(s));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('rates exactly at the link page rate and a hair either side', () => {
    for (const rate of [1024, 1024.005, 1024.02, 1025, 1026, 1023, 1023.99, 2048, 2050]) {
      const s = scenario({ vmMiB: 4096, linkMbps: mbpsFor(1024), dirtyRate: rate, maxIterations: 29 });
      expect(simulate(s), `rate ${rate}`).toEqual(stepped(s));
    }
  });
});

/** The same with the expected-value tracker (uniform, hotcold) and its walkAhead hidden. */
function steppedExpected(s: Scenario): RunResult {
  const tracker = new ExpectedTracker(pagesOf(s.vmMiB, s.pageBytes), regionsOf(s));
  Object.defineProperty(tracker, 'walkAhead', { value: undefined });
  const r = runXen(new Run(s, tracker));
  return { ...r, pagesSent: Math.round(r.pagesSent) };
}

describe('walkAhead of the random patterns (expected values, Xen)', () => {
  it('leaves VMs up to 16 GiB exactly as batch by batch', () => {
    for (const pattern of ['uniform', 'hotcold'] as const) {
      for (const rate of [500, 20_000, 200_000]) {
        const s = scenario({ vmMiB: 16_384, pattern, dirtyRate: rate });
        const fast = simulate(s);
        const slow = steppedExpected(s);
        expect(fast.migrationTimeS, `${pattern} ${rate}`).toBe(slow.migrationTimeS);
        expect(fast.iterations).toBe(slow.iterations);
      }
    }
  });

  it('agrees with batch by batch on 1 TiB to a millionth, across the knee', () => {
    for (const pattern of ['uniform', 'hotcold'] as const) {
      for (const ratio of [0.05, 0.5, 0.9, 1.1, 3, 30]) {
        const s = scenario({ vmMiB: 1_048_576, pattern, dirtyRate: 28_534 * ratio });
        const fast = simulate(s);
        const slow = steppedExpected(s);
        const label = `${pattern} at ${ratio} of the link`;
        expect(fast.iterations, label).toBe(slow.iterations);
        expect(fast.stopReason, label).toBe(slow.stopReason);
        expectClose(fast.migrationTimeS, slow.migrationTimeS, 1e-6, label);
        expectClose(fast.downtimeS, slow.downtimeS, 1e-6, label);
        expectClose(fast.pagesSent, slow.pagesSent, 1e-6, label);
      }
    }
  });
});

/** Post-copy or hybrid over a sequential tracker without pushAhead: every push step taken one by one. */
function steppedPostcopy(s: Scenario): RunResult {
  const tracker = new SequentialTracker(pagesOf(s.vmMiB, s.pageBytes), workingSetOf(s));
  Object.defineProperty(tracker, 'pushAhead', { value: undefined });
  return runPostcopy(new Run(s, tracker), s.policy === 'hybrid');
}

describe('pushAhead = push step by push step (sequential, post-copy and hybrid)', () => {
  it('1 TiB VMs either side of the link rate, to the bit', () => {
    for (const policy of ['postcopy', 'hybrid'] as const) {
      for (const ratio of [0, 0.01, 0.3, 0.97, 1.02, 3, 30]) {
        const s = scenario({ vmMiB: 1_048_576, policy, dirtyRate: 28_534 * ratio });
        expect(simulate(s), `${policy} at ${ratio}`).toEqual(steppedPostcopy(s));
      }
    }
  });

  it('random scenarios from 1 page to 4 TiB, with working sets', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 30, noNaN: true }).map((x) => Math.max(1, Math.floor(2 ** x))),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.constantFrom(94.2, 935, 7120, 25_000),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
        fc.constantFrom('postcopy', 'hybrid') as fc.Arbitrary<'postcopy' | 'hybrid'>,
        (pages, logRatio, linkMbps, wss, policy) => {
          const linkPages = (linkMbps * 1e6) / 8 / 4096;
          const s = scenario({
            vmMiB: (pages * 4096) / 1_048_576,
            linkMbps,
            policy,
            dirtyRate: Math.min(1e6, linkPages * 10 ** logRatio),
            wssPages: wss === null ? null : Math.max(1, Math.ceil(wss * pages)),
          });
          expect(simulate(s)).toEqual(steppedPostcopy(s));
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('post-copy of the random patterns on VMs past the replay limit (coarser push steps)', () => {
  /** The same run with 1024-page steps: the tracker behind a plain object, so the coarsening does not apply. */
  function fineSteps(s: Scenario): RunResult {
    const t = new ExpectedTracker(pagesOf(s.vmMiB, s.pageBytes), regionsOf(s));
    const plain = { pages: t.pages, batch: t.batch.bind(t), clean: t.clean.bind(t), merge: t.merge.bind(t) };
    return runPostcopy(new Run(s, plain), s.policy === 'hybrid');
  }

  it('moves the same pages in the same time; only the split between pushed and faulted shifts, by under 5 %', () => {
    expect(pushStepPages(new Run(scenario({ vmMiB: 131_072, pattern: 'uniform' }), new ExpectedTracker(2 ** 25, [])))).toBe(1024);
    for (const policy of ['postcopy', 'hybrid'] as const) {
      for (const pattern of ['uniform', 'hotcold'] as const) {
        for (const ratio of [0.01, 0.9, 3]) {
          const s = scenario({ vmMiB: 1_048_576, policy, pattern, dirtyRate: 28_534 * ratio });
          const coarse = simulate(s);
          const fine = fineSteps(s);
          const label = `${policy} ${pattern} at ${ratio} of the link`;
          expectClose(coarse.migrationTimeS, fine.migrationTimeS, 1e-9, label);
          expectClose(coarse.downtimeS, fine.downtimeS, 1e-9, label);
          expectClose(coarse.degradedS!, fine.degradedS!, 1e-9, label);
          expectClose(coarse.remoteFaults!, Math.round(fine.remoteFaults!), 0.05, label);
        }
      }
    }
  });
});
