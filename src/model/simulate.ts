// One simulated migration: pick the dirty pattern's tracker and run the policy over it.
import { BitmapTracker } from './exact/bitmap.ts';
import { writerFor } from './exact/writers.ts';
import { ExpectedTracker } from './patterns/expected.ts';
import { regionsOf, workingSetOf } from './patterns/regions.ts';
import { SequentialTracker } from './patterns/sequential.ts';
import type { DirtyTracker } from './patterns/tracker.ts';
import { runPostcopy } from './policies/postcopy.ts';
import { runQemu } from './policies/qemu.ts';
import { Run } from './policies/run.ts';
import { runXenV2 } from './policies/xen-v2.ts';
import { runXen } from './policies/xen.ts';
import { profileForMigration } from './trace/profile.ts';
import type { Trace } from './trace/parse.ts';
import type { IterationRecord, RunResult } from './result.ts';
import type { PolicyName, Scenario } from './scenario.ts';
import { pagesOf } from './units.ts';

const POLICY_RUNNERS: Record<PolicyName, (run: Run) => RunResult> = {
  xen: runXen,
  'xen-v2': runXenV2,
  qemu: runQemu,
  postcopy: (run) => runPostcopy(run),
  hybrid: (run) => runPostcopy(run, true),
};

export function trackerFor(s: Scenario): DirtyTracker {
  const pages = pagesOf(s.vmMiB, s.pageBytes);
  if (s.pattern === 'sequential') return new SequentialTracker(pages, workingSetOf(s));
  return new ExpectedTracker(pages, regionsOf(s));
}

/** The writer's profile: the scenario's constant rate, or the trace from `traceStartS` on (Akoush HIST). */
function runOf(s: Scenario, tracker: DirtyTracker, trace?: Trace): Run {
  return new Run(s, tracker, trace ? profileForMigration(trace, s.traceStartS, s) : undefined);
}

/**
 * Simulates one migration of a valid scenario (see validateScenario). `sequential` runs are exact;
 * `uniform` and `hotcold` give the expected counts over all seeds, rounded to whole pages. With a
 * trace, the dirty rate follows it (the scenario's own rate is not used).
 */
export function simulate(s: Scenario, trace?: Trace): RunResult {
  const result = POLICY_RUNNERS[s.policy](runOf(s, trackerFor(s), trace));
  return s.pattern === 'sequential' ? result : roundPages(result);
}

/** The same run page by page, with every write made (random patterns draw pages from the seed). Slow. */
export function simulateExact(s: Scenario, trace?: Trace): RunResult {
  const tracker = new BitmapTracker(pagesOf(s.vmMiB, s.pageBytes), writerFor(s));
  return POLICY_RUNNERS[s.policy](runOf(s, tracker, trace));
}

function roundPages(r: RunResult): RunResult {
  const perIteration: IterationRecord[] = r.perIteration.map((it) => ({
    ...it,
    pagesSent: Math.round(it.pagesSent),
    pagesSkipped: Math.round(it.pagesSkipped),
    pagesDirtied: Math.round(it.pagesDirtied),
  }));
  return { ...r, perIteration, pagesSent: perIteration.reduce((sum, it) => sum + it.pagesSent, 0) };
}
