// The Xen 3.x pre-copy policy as Akoush et al. simulate it (Algorithm 1, after xc_domain_save.c):
// iterate over memory in batches of 1024 sent pages, skip pages dirtied again since the last clean,
// and go to a paused stop-and-copy after `maxIterations` iterations, after sending more than
// `maxFactor` times the VM, or after an iteration that sent and skipped fewer than `minDirtyPages`.
import type { IterationRecord, RunResult, StopReason } from '../result.ts';
import type { Scenario } from '../scenario.ts';
import type { DirtyTracker } from '../patterns/tracker.ts';
import { BATCH_PAGES, linkPagesPerSecond } from '../units.ts';

/** Which stop condition ends pre-copy after an iteration, or null to go on. Checked in the paper's order. */
export function xenStopReason(s: Scenario, iteration: number, sent: number, skipped: number, totalSent: number, pages: number): StopReason | null {
  if (sent + skipped < s.minDirtyPages) return 'few-dirty-pages';
  if (iteration >= s.maxIterations) return 'max-iterations';
  if (totalSent > s.maxFactor * pages) return 'max-data-factor';
  return null;
}

export function runXen(s: Scenario, tracker: DirtyTracker): RunResult {
  const link = linkPagesPerSecond(s.linkMbps, s.pageBytes);
  const pages = tracker.pages;
  const perIteration: IterationRecord[] = [];
  let t = 0; // seconds since iteration 1 started; the guest is paused during the final iteration
  let totalSent = 0;
  let stopReason: StopReason | null = null;
  for (let iteration = 1; ; iteration++) {
    const final = stopReason !== null;
    const start = t;
    let sent = 0;
    let skipped = 0;
    // The paused final iteration needs no peeks, so it goes as one step.
    const maxSend = final ? Infinity : BATCH_PAGES;
    for (let from = 0; from < pages; ) {
      const step = tracker.batch(from, t, final, maxSend);
      sent += step.sent;
      skipped += step.skipped;
      t += step.sent / link;
      from = step.next;
    }
    totalSent += sent;
    const record = { iteration, startS: s.preS + start, endS: s.preS + t, pagesSent: sent, pagesSkipped: skipped, pagesDirtied: 0, final };
    perIteration.push(record);
    if (final) {
      return {
        migrationTimeS: s.preS + t + s.postS,
        downtimeS: t - start + s.postS,
        iterations: iteration,
        pagesSent: totalSent,
        stopReason: stopReason!,
        perIteration,
      };
    }
    stopReason = xenStopReason(s, iteration, sent, skipped, totalSent, pages);
    record.pagesDirtied = tracker.clean(t);
  }
}
