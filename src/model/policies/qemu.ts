// QEMU/KVM pre-copy as QEMU 7.2 runs it (migration.c's migration_iteration_run, ram.c's pending count):
// pages go out in rate-limit periods of 100 ms at min(link, max-bandwidth). At the start of each period,
// and whenever a pass runs out of pages, QEMU looks at what is pending: the unsent rest of the dirty
// bitmap; when that is under the threshold (bandwidth x downtime limit) it syncs the bitmap (the rest
// plus every page written since the last sync) and counts again. Once the count is under the threshold
// it pauses the guest and sends everything pending with the cap lifted, at the link's speed. Each sync
// that does not switch over starts the next pass over the bitmap. There is no round cap: at the timeout
// (libvirt's --timeout) the guest is paused where it is, even mid-pass, and the run reports
// `no-convergence` with the downtime QEMU would have needed. Auto-converge throttles the guest as QEMU's
// defaults do, at syncs at least a second apart; the throttle slows the writer only when the CPU it
// leaves falls below what the writer needs (scenario.writerCpu).
import type { IterationRecord, RunResult, StopReason, ThrottleStep } from '../result.ts';
import { stopCopyPagesPerSecond, wireBytesPerPage } from '../transfer.ts';
import type { Run } from './run.ts';

/** QEMU's auto-converge defaults (cpu-throttle-initial, -increment, max, and the dirty/sent threshold). */
export const AUTO_CONVERGE = { initial: 0.2, increment: 0.1, max: 0.99, threshold: 0.5, periodS: 1, triggers: 2 };

/** QEMU's rate-limit period (BUFFER_DELAY), s: the switch-over is checked at least this often. */
export const RATE_LIMIT_PERIOD_S = 0.1;

/** Runs of at least this many rate-limit periods in which nothing but sending happens go as one step. */
export const JUMP_MIN_PERIODS = 2;

/** A guard for scenarios whose passes are tiny: past this many passes the run does not converge either. */
export const QEMU_MAX_PASSES = 10_000;

export function runQemu(run: Run): RunResult {
  const s = run.s;
  const live = run.pagesPerSecond;
  const thresholdPages = live * (s.downtimeLimitMs / 1000);
  const perPeriod = live * RATE_LIMIT_PERIOD_S;
  const throttle: ThrottleStep[] = [];
  let syncs = 1; // the setup sync: the bitmap starts all dirty
  let record: IterationRecord | null = null;
  let closed: IterationRecord | null = null; // the pass the last sync ended
  let passes = 0;
  let counted = run.pages; // the bitmap's count at the last sync: QEMU's expected downtime comes from it
  let from = 0; // walk position in to_send
  let passSize = run.pages; // to_send's size when the pass began
  let sentInPass = 0;
  // The clock of the live phase counts pages: after `liveSent` pages it reads liveSent / live, and
  // period k ends once budget(k) pages are out. Integers, so stepping period by period and taking many
  // periods at once (periodsAhead) land on the same page and the same time, to the bit.
  let liveSent = 0;
  let period = 1;
  const budget = (k: number) => Math.floor(k * perPeriod + 1e-9);
  const timeoutBudget = Math.floor(s.timeoutS * live + 1e-9);
  // Auto-converge: QEMU rates the dirtying at syncs at least periodS apart.
  let current = 0;
  let rateSince = 0;
  let dirtyInPeriod = 0;
  let sentInPeriod = 0;
  let highCount = 0;

  for (;;) {
    while (budget(period) - liveSent < 1) period++;
    // QEMU has no bandwidth figure (threshold 0) until its first period has ended.
    const threshold = run.t < RATE_LIMIT_PERIOD_S - 1e-9 ? 0 : thresholdPages;
    const passDone = from >= run.pages;
    const rest = passDone ? 0 : Math.max(0, passSize - sentInPass);
    const timedOut = liveSent + 1 > timeoutBudget;
    let pending = rest;
    let synced = false;
    closed = null;
    // (A pass that ran out syncs even in the first period, when QEMU would complete without a count: so
    // a VM sent within 100 ms is not paused with an uncounted bitmap.)
    if (rest < threshold || passDone) {
      pending = sync();
      synced = true;
    }
    const fits = pending === 0 || pending < threshold;
    const reason: StopReason | null = fits ? 'within-downtime-limit' : timedOut || passes >= QEMU_MAX_PASSES ? 'no-convergence' : null;
    if (synced || reason) run.observer?.decide(closed ?? record, reason);
    if (reason) {
      // migration_completion: one more sync, then the stop-and-copy with the cap lifted.
      const needed = counted;
      // Forced: with the guest paused QEMU still syncs once the rest is under the threshold, then completes.
      if (reason === 'no-convergence') syncs++;
      sync();
      run.sendRate = stopCopyPagesPerSecond(s);
      const required = reason === 'no-convergence' ? { requiredDowntimeS: needed / live + s.postS } : {};
      return run.finish(reason, { ...extra(), ...required });
    }
    if (synced) {
      counted = pending;
      passSize = pending;
      from = 0;
      sentInPass = 0;
    }
    // Send up to the end of the period (or the timeout), in whole pages; or many periods at once.
    const periods = run.observer === null ? periodsAhead(passSize - sentInPass, threshold) : 1;
    period += periods - 1;
    const room = Math.min(budget(period), timeoutBudget) - liveSent;
    if (!record) {
      record = run.openRecord();
      passes++;
    }
    const { sent, next } = run.tracker.batch(from, null, Math.max(1, room)); // (the step object is reused)
    if (run.observer) {
      // Run's clock convention (passStart + passSent / sendRate), so the replay times its batches alike.
      run.passStart = 0;
      run.passSent = liveSent;
      run.observer.batch(record, from, next, sent, 0, null);
    }
    liveSent += sent;
    run.advanceTo(liveSent / live);
    sentInPass += sent;
    record.pagesSent += sent;
    from = next;
  }

  /**
   * How many rate-limit periods, from this one on, can go out as one step: at the checks in between
   * nothing happens but sending (the rest of the pass stays over the threshold, with a page to spare,
   * and the timeout is more than a period away), so their pages are one batch of the sum of their
   * rooms and the clock lands where the periods one by one would (the same page counts, the same time;
   * a random pattern's expected walk position may differ in the last digits). This keeps a pass of a
   * 16 TiB VM a few steps long. An observer (the teaching replay) sees every period; 1 when it does not
   * apply.
   */
  function periodsAhead(rest: number, threshold: number): number {
    if (threshold <= 0 || perPeriod < 1) return 1;
    // Pages sent by the end of period + k - 1 must leave the rest over the threshold with a page to
    // spare, and that period must end a period before the timeout. (The estimates are off by at most
    // a page's rounding; the loop takes off the last period or two.)
    const byRest = Math.floor((rest - threshold - 1 - (budget(period) - liveSent)) / perPeriod) + 1;
    const byTimeout = Math.floor(timeoutBudget / perPeriod) - period;
    let periods = Math.min(byRest, byTimeout);
    while (periods > 1 && (budget(period + periods - 1) - liveSent > rest - threshold - 1 || budget(period + periods) > timeoutBudget)) periods--;
    return periods >= JUMP_MIN_PERIODS ? periods : 1;
  }

  /** Syncs the bitmap at the walk's position; closes the pass under way; returns to_send's size. */
  function sync(): number {
    syncs++;
    const writes = run.clock.writesAt(run.t);
    const rest = from >= run.pages ? 0 : Math.max(0, passSize - sentInPass);
    const merged = run.tracker.merge(from, writes);
    const toSend = merged.toSend;
    if (record) {
      record.pagesDirtied = merged.dirtied;
      run.closeRecord(record, record.pagesSent);
      run.observer?.clean(record, writes, { from, toSend });
      rateDirtying(Math.max(0, toSend - rest), record.pagesSent);
      closed = record;
      record = null;
    }
    from = 0;
    passSize = toSend;
    sentInPass = 0;
    return toSend;
  }

  /** QEMU's migration_trigger_throttle, at a sync: `fresh` pages newly dirty, `sent` since the last one. */
  function rateDirtying(fresh: number, sent: number): void {
    if (!s.autoConverge) return;
    dirtyInPeriod += fresh * s.pageBytes;
    sentInPeriod += sent * wireBytesPerPage(s);
    if (run.t - rateSince < AUTO_CONVERGE.periodS) return;
    if (dirtyInPeriod > AUTO_CONVERGE.threshold * sentInPeriod && ++highCount >= AUTO_CONVERGE.triggers) {
      highCount = 0;
      // Rounded to whole percent, as QEMU keeps it.
      current = current === 0 ? AUTO_CONVERGE.initial : Math.min(AUTO_CONVERGE.max, Math.round((current + AUTO_CONVERGE.increment) * 100) / 100);
      run.setThrottle(current);
      throttle.push({ atS: s.preS + run.t, throttle: current });
      run.observer?.throttle(current);
    }
    rateSince = run.t;
    dirtyInPeriod = 0;
    sentInPeriod = 0;
  }

  function extra(): Partial<RunResult> {
    return s.autoConverge ? { syncs, throttle } : { syncs };
  }
}
