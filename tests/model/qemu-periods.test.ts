// QEMU's loop takes long runs of rate-limit periods in one step (policies/qemu.ts, periodsAhead). Here
// the same runs with an observer attached, which makes the loop step period by period, must agree:
// in every count, and in times and pages to a millionth.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate, type RunResult, type Scenario } from '../../src/model/index.ts';
import { runQemu } from '../../src/model/policies/qemu.ts';
import { Run, type RunObserver } from '../../src/model/policies/run.ts';
import { trackerFor } from '../../src/model/simulate.ts';
import { expectClose, scenario } from './helpers.ts';

const noop = (): void => {};
const watcher: RunObserver = { batch: noop, clean: noop, decide: noop, pause: noop, push: noop, throttle: noop };

/** The run stepped period by period, with the count of tracker steps it took. */
function stepped(s: Scenario): { result: RunResult; steps: number } {
  const tracker = trackerFor(s);
  let steps = 0;
  const batch = tracker.batch.bind(tracker);
  tracker.batch = (...a) => (steps++, batch(...a));
  const run = new Run(s, tracker);
  run.observer = watcher;
  return { result: runQemu(run), steps };
}

function fast(s: Scenario): { result: RunResult; steps: number } {
  const tracker = trackerFor(s);
  let steps = 0;
  const batch = tracker.batch.bind(tracker);
  tracker.batch = (...a) => (steps++, batch(...a));
  return { result: runQemu(new Run(s, tracker)), steps };
}

function expectSameRun(a: RunResult, b: RunResult, label: string): void {
  expect(a.iterations, `${label}: iterations`).toBe(b.iterations);
  expect(a.stopReason, `${label}: stop reason`).toBe(b.stopReason);
  expect(a.syncs, `${label}: syncs`).toBe(b.syncs);
  // One step sums the periods' times once instead of adding them one by one: the float sums differ
  // in the last digits, which can move a page across a period's edge (a 30,000th of a second).
  expectClose(a.migrationTimeS, b.migrationTimeS, 1e-6, `${label}: migration time`);
  expectClose(a.downtimeS, b.downtimeS, 1e-4, `${label}: downtime`);
  expectClose(a.pagesSent, b.pagesSent, 1e-6, `${label}: pages sent`);
}

describe('QEMU: runs of periods in one step = period by period', () => {
  it('a 64 GiB VM on a capped link takes far fewer steps, with the same result', () => {
    for (const dirtyRate of [0, 2_000, 20_000, 31_000, 60_000]) {
      const s = scenario({ policy: 'qemu', vmMiB: 65_536, dirtyRate, timeoutS: 10_000 });
      const a = fast(s);
      const b = stepped(s);
      expectSameRun(a.result, b.result, `rate ${dirtyRate}`);
      expect(a.steps * 20).toBeLessThan(b.steps);
    }
  });

  it('agrees on random scenarios (every pattern, cap, limit, timeout, auto-converge)', () => {
    fc.assert(
      fc.property(
        fc.record({
          vmMiB: fc.integer({ min: 64, max: 32_768 }),
          pattern: fc.constantFrom('sequential', 'uniform', 'hotcold'),
          dirtyRate: fc.integer({ min: 0, max: 200_000 }),
          linkMbps: fc.constantFrom(94.2, 935, 7120, 25_000),
          maxBandwidthMiBps: fc.constantFrom(32, 128, 1_000, 100_000),
          downtimeLimitMs: fc.constantFrom(30, 300, 2_000),
          timeoutS: fc.integer({ min: 1, max: 2_000 }),
          autoConverge: fc.boolean(),
        }),
        (o) => {
          const s = scenario({ policy: 'qemu', ...o });
          expectSameRun(fast(s).result, stepped(s).result, JSON.stringify(o));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a 16 TiB VM runs in a few steps a pass', () => {
    const s = scenario({ policy: 'qemu', vmMiB: 16_777_216, linkMbps: 100_000, maxBandwidthMiBps: 100_000, dirtyRate: 1_000_000, timeoutS: 1_000_000 });
    const a = fast(s);
    expect(a.result.stopReason).toBe('within-downtime-limit');
    expect(a.steps).toBeLessThan(a.result.iterations * 40);
    expect(simulate(s).migrationTimeS).toBe(a.result.migrationTimeS);
  });
});
