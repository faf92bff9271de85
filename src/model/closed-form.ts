// The textbook estimate of pre-copy, for contrast with the simulator: each round resends what the
// previous round's transfer time let the guest dirty, V_i = V_0 x rho^i with rho = dirty rate / link
// rate, under Xen's three stop conditions; and the naive RAM / bandwidth that CloudSim-style simulators
// take as the migration time. Neither knows about peeking, skipping or rewrites of the same page.
import type { Scenario } from './scenario.ts';
import { guestWriteRate, sendPagesPerSecond } from './transfer.ts';
import { pagesOf } from './units.ts';

export type ClosedFormStop = 'few-dirty-pages' | 'max-iterations' | 'max-data-factor';

export interface ClosedFormResult {
  migrationTimeS: number;
  downtimeS: number;
  /** Iterations, the stop-and-copy included (as RunResult.iterations). */
  iterations: number;
  /** Pages sent per iteration, the stop-and-copy last (fractional: an expectation). */
  pagesPerIteration: number[];
  stopReason: ClosedFormStop;
}

/**
 * The geometric series with Xen's stop conditions, checked in the simulator's order after each pre-copy
 * round k (which sent V_{k-1}): fewer than `minDirtyPages` sent, k reached `maxIterations`, more than
 * `maxFactor` x the VM sent in all. Every page written between two rounds is taken to be a new dirty
 * page (no rewrites), capped at the VM's size; the stop-and-copy sends what the last round let the guest
 * dirty. Overheads as the simulator: pre before the first round, post after the stop-and-copy (in the
 * downtime). O(iterations).
 */
export function closedForm(s: Scenario): ClosedFormResult {
  const pages = pagesOf(s.vmMiB, s.pageBytes);
  const link = sendPagesPerSecond(s);
  const rho = guestWriteRate(s) / link;
  const sent: number[] = [];
  let toSend = pages;
  let total = 0;
  let stopReason: ClosedFormStop;
  for (let k = 1; ; k++) {
    sent.push(toSend);
    total += toSend;
    const next = Math.min(pages, toSend * rho);
    if (toSend < s.minDirtyPages) stopReason = 'few-dirty-pages';
    else if (k >= s.maxIterations) stopReason = 'max-iterations';
    else if (total > s.maxFactor * pages) stopReason = 'max-data-factor';
    else {
      toSend = next;
      continue;
    }
    toSend = next;
    break;
  }
  sent.push(toSend);
  total += toSend;
  return {
    migrationTimeS: s.preS + total / link + s.postS,
    downtimeS: toSend / link + s.postS,
    iterations: sent.length,
    pagesPerIteration: sent,
    stopReason,
  };
}

/** CloudSim-style migration time: the VM's memory over the link, no overheads, no dirtying. */
export function naiveMigrationTimeS(s: Scenario): number {
  return pagesOf(s.vmMiB, s.pageBytes) / sendPagesPerSecond(s);
}
