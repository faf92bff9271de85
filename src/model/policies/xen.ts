// The Xen 3.x pre-copy policy as Akoush et al. simulate it (Algorithm 1, after xc_domain_save.c):
// iterate over memory in batches of 1024 sent pages, skip pages dirtied again since the last clean,
// and go to a paused stop-and-copy after `maxIterations` iterations, after sending more than
// `maxFactor` times the VM, or after an iteration that sent and skipped fewer than `minDirtyPages`.
import type { RunResult, StopReason } from '../result.ts';
import type { Scenario } from '../scenario.ts';
import type { Run } from './run.ts';

/** Which stop condition ends pre-copy after an iteration, or null to go on. Checked in the paper's order. */
export function xenStopReason(s: Scenario, iteration: number, sent: number, skipped: number, totalSent: number, pages: number): StopReason | null {
  if (sent + skipped < s.minDirtyPages) return 'few-dirty-pages';
  if (iteration >= s.maxIterations) return 'max-iterations';
  if (totalSent > s.maxFactor * pages) return 'max-data-factor';
  return null;
}

export function runXen(run: Run): RunResult {
  for (;;) {
    const it = run.pass(true);
    const reason = xenStopReason(run.s, it.iteration, it.pagesSent, it.pagesSkipped, run.totalSent, run.pages);
    run.observer?.decide(it, reason);
    run.clean(it);
    if (reason) return run.finish(reason);
  }
}
