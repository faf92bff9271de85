// Post-copy and hybrid migration. Post-copy stops the VM at once, sends its CPU and device state,
// resumes it at the destination and then pushes memory in address order while the guest's touches of
// pages not yet there become remote faults, fetched ahead of the push. Hybrid first makes one live
// pre-copy pass, so only the pages dirtied during that pass are left for the post-copy phase.
//
// The trackers answer the questions this needs without new machinery: to_send is what the destination
// lacks (every page, or what the hybrid's pass dirtied) and the "peek" set is what the guest has
// touched since (the guest writes nothing while paused), so batch(p, writes, Infinity).sent counts the
// pages still missing from the push pointer p on. The guest's writes stand for all its accesses.
import type { RunResult } from '../result.ts';
import { wireMbps } from '../transfer.ts';
import { BATCH_PAGES } from '../units.ts';
import { workingSetOf } from '../patterns/regions.ts';
import { EXPECTED_WALK_AHEAD_MIN_BATCHES, ExpectedTracker } from '../patterns/expected.ts';
import type { PushFlow } from '../patterns/tracker.ts';
import type { Run } from './run.ts';

/** CPU registers and device state sent while the VM is paused (QEMU's is a few hundred KiB to MiBs). */
export const DEVICE_STATE_BYTES = 1_048_576;

/** Above this many pages (the replay's limit, 128 GiB of 4 KiB pages) the expected-value push coarsens. */
export const COARSE_PUSH_ABOVE_PAGES = 2 ** 25;

/** Missing pages of a region that a push flow leaves to the steps (a few steps' worth). */
export const PUSH_FLOW_LEAVES_PAGES = 16 * BATCH_PAGES;

/** The flow through a region (tracker.pushFlow), when this run can take it: no observer, a constant writer. */
function pushFlowOf(run: Run): ((from: number, writes: number, lag: number) => PushFlow) | undefined {
  const rate = run.clock.constantRate();
  // No region of a VM up to 16 GiB is big enough to flow through (see ExpectedTracker.pushFlow).
  if (run.observer !== null || rate === null || !run.tracker.pushFlow || run.pages <= EXPECTED_WALK_AHEAD_MIN_BATCHES * BATCH_PAGES) return undefined;
  const writesPerPage = rate / run.pagesPerSecond;
  const tracker = run.tracker;
  return (from, writes, lag) => tracker.pushFlow!(from, writes, writesPerPage, PUSH_FLOW_LEAVES_PAGES, lag);
}

/**
 * Pages per push step: 1024, except for the random patterns' expected values on VMs too big for the
 * teaching replay when their push cannot flow (a writer whose rate changes, a trace): there the steps
 * grow with the VM so that a push is about 4,096 steps whatever its size (their faults follow from
 * smooth expectations, so a longer step moves a few % of the faults to the push; MODEL-NOTES). The
 * sequential writer is exact at any size (pushAhead).
 */
export function pushStepPages(run: Run): number {
  if (!(run.tracker instanceof ExpectedTracker) || run.pages <= COARSE_PUSH_ABOVE_PAGES || pushFlowOf(run)) return BATCH_PAGES;
  return BATCH_PAGES * Math.ceil(run.pages / 2 ** 22);
}

export function runPostcopy(run: Run, hybrid = false): RunResult {
  const s = run.s;
  const tracker = run.tracker;
  // After a hybrid's pass, to_send is what it dirtied; otherwise it is still every page.
  const pass = hybrid ? run.pass(false) : null;
  if (pass) run.clean(pass);
  run.observer?.decide(pass, hybrid ? 'postcopy-hybrid' : 'postcopy');

  // Stop, send the CPU and device state, commit and activate at the destination.
  const stateS = (DEVICE_STATE_BYTES * 8) / (wireMbps(s) * 1e6);
  const paused = run.pause(stateS);
  const resumedAt = run.t;
  const record = run.openRecord();
  record.phase = 'postcopy';
  const start = run.t;

  const link = run.pagesPerSecond;
  const workingSet = workingSetOf(s);
  const missingAhead = (from: number, writes: number) => tracker.batch(from, writes, Infinity).sent;
  let p = 0;
  let faults = 0;
  let pushed = 0;
  let degradedUntil: number | null = null;
  let writes = run.clock.writesAt(run.t);
  // The push's clock reads start + pages moved / link (not a running sum), so that the steps taken at
  // once by tracker.pushAhead land where the steps one by one would.
  const clockAt = (moved: number) => start + moved / link;
  const pushAhead = run.observer === null ? tracker.pushAhead?.bind(tracker) : undefined;
  const writesPerStep = ((run.clock.constantRate() ?? 0) * BATCH_PAGES) / link;
  let tryAhead = pushAhead !== undefined;
  // The writes before step k of a pushAhead from `aheadFrom` pages moved (one closure per run).
  let aheadFrom = 0;
  const writesAtStep = (k: number) => run.clock.writesAt(clockAt(aheadFrom + k * BATCH_PAGES));
  // Steps behind a faster writer, a few sums each (sequential writer, tracker.pushChase).
  const pushChase = run.observer === null ? tracker.pushChase?.bind(tracker) : undefined;
  let tryChase = pushChase !== undefined;
  const writesAtMoved = (moved: number) => run.clock.writesAt(clockAt(moved));
  // Most of a region at once, as a flow (random patterns' expected values in big regions).
  const pushFlow = pushFlowOf(run);
  const writesPerPage = (run.clock.constantRate() ?? 0) / link;
  let tryFlow = pushFlow !== undefined;
  let lastFaults = 0;
  const stepPages = pushStepPages(run);
  const checkDegraded = () => {
    if (degradedUntil === null && (p >= workingSet || missingAhead(p, writes) - missingAhead(Math.max(p, workingSet), writes) < 0.5)) {
      degradedUntil = run.t;
    }
  };
  run.passStart = start;
  run.passSent = 0;
  while (p < run.pages) {
    if (tryAhead) {
      tryAhead = false;
      aheadFrom = pushed + faults;
      const ahead = pushAhead!(p, BATCH_PAGES, writesAtStep, writesPerStep);
      if (ahead.batches > 0) {
        pushed += ahead.sent;
        p = ahead.next;
        run.passSent = pushed + faults;
        run.t = clockAt(pushed + faults);
        writes = run.clock.writesAt(run.t);
        continue;
      }
    }
    if (tryChase) {
      tryChase = false;
      const chase = pushChase!(p, writes, stepPages, pushed + faults, writesAtMoved);
      if (chase.steps > 0) {
        faults += chase.faults;
        pushed += chase.pushed;
        p = chase.next;
        writes = chase.writes;
        run.passSent = pushed + faults;
        run.t = clockAt(pushed + faults);
        tryAhead = pushAhead !== undefined;
        continue;
      }
    }
    if (tryFlow) {
      tryFlow = false;
      const flow = pushFlow!(p, writes, lastFaults);
      if (flow.moved > 0) {
        faults += flow.faults;
        pushed += flow.moved - flow.faults;
        p = flow.next;
        run.passSent = pushed + faults;
        run.t = clockAt(pushed + faults);
        // The flow counted the faults of the writes up to here; the steps count from the same writes.
        writes += flow.moved * writesPerPage;
        checkDegraded();
        continue;
      }
    }
    if (missingAhead(p, writes) === 0) break;
    // A step pushes up to 1024 missing pages in address order (skipping pages already faulted in);
    // the pages the guest touched meanwhile that are still missing after the push are remote faults,
    // fetched in the same step, which lasts longer by their transfer.
    const { sent, next } = tracker.batch(p, writes, stepPages); // copied: trackers reuse the step
    const nextWrites = run.clock.writesAt(clockAt(pushed + faults + sent));
    const faulted = missingAhead(next, writes) - missingAhead(next, nextWrites);
    run.observer?.push(p, next, sent, faulted, writes, nextWrites);
    writes = nextWrites;
    faults += faulted;
    lastFaults = faulted;
    pushed += sent;
    p = next;
    run.passSent = pushed + faults;
    run.t = clockAt(pushed + faults);
    tryAhead = pushAhead !== undefined;
    tryFlow = pushFlow !== undefined;
    tryChase = pushChase !== undefined;
    checkDegraded();
  }
  run.closeRecord(record, pushed + faults);
  run.cpuLost += (run.t - start) * (1 - s.vcpuLimit);
  return run.result(hybrid ? 'postcopy-hybrid' : 'postcopy', paused, {
    remoteFaults: Math.round(faults),
    degradedS: (degradedUntil ?? run.t) - resumedAt,
  });
}
