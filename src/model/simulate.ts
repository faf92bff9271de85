// One simulated migration: pick the dirty pattern's tracker and run the policy over it.
import { ExpectedTracker } from './patterns/expected.ts';
import { regionsOf, workingSetOf } from './patterns/regions.ts';
import { SequentialTracker } from './patterns/sequential.ts';
import type { DirtyTracker } from './patterns/tracker.ts';
import { runXen } from './policies/xen.ts';
import type { IterationRecord, RunResult } from './result.ts';
import type { Scenario } from './scenario.ts';
import { pagesOf } from './units.ts';

export function trackerFor(s: Scenario): DirtyTracker {
  const pages = pagesOf(s.vmMiB, s.pageBytes);
  if (s.pattern === 'sequential') return new SequentialTracker(pages, workingSetOf(s), s.dirtyRate);
  return new ExpectedTracker(pages, regionsOf(s), s.dirtyRate);
}

/**
 * Simulates one migration of a valid scenario (see validateScenario). `sequential` runs are exact;
 * `uniform` and `hotcold` give the expected counts over all seeds, rounded to whole pages.
 */
export function simulate(s: Scenario): RunResult {
  const result = runXen(s, trackerFor(s));
  return s.pattern === 'sequential' ? result : roundPages(result);
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
