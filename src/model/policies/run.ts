// What every policy shares: the clock, passes over memory in batches, and the per-iteration record.
import { WriteClock, constantRate, type RateProfile } from '../clock.ts';
import type { DirtyTracker } from '../patterns/tracker.ts';
import type { IterationRecord, RunResult, StopReason } from '../result.ts';
import type { Scenario } from '../scenario.ts';
import { guestWriteRate, sendPagesPerSecond, writerSpeed } from '../transfer.ts';
import { BATCH_PAGES } from '../units.ts';

/**
 * Hooks that follow a run step by step (src/model/replay builds its event log with them). Ordinary runs
 * have none, and then each hook costs one check. Each is called while run.t is still the step's start.
 */
export interface RunObserver {
  /**
   * One tracker batch of a pass walked [from, next): `peekWrites` is the guest's writes at the peek
   * (null when the pass does not peek). The observer may query tracker.batch(_, null, _), which changes nothing.
   */
  batch(record: IterationRecord, from: number, next: number, sent: number, skipped: number, peekWrites: number | null): void;
  /**
   * A clean at `writes` writes; record.pagesDirtied is set. With `merge` (QEMU's mid-pass sync) to_send
   * keeps its unsent pages from `merge.from` on, and has `merge.toSend` pages after it.
   */
  clean(record: IterationRecord, writes: number, merge?: { from: number; toSend: number }): void;
  /** The policy's stop decision after a live pass (null: go on; record null when there was no pass). */
  decide(record: IterationRecord | null, reason: StopReason | null): void;
  /** Post-copy's switch-over: the guest pauses for `seconds` (its state goes across), in `record`. */
  pause(record: IterationRecord, seconds: number): void;
  /** A post-copy step: `pushed` pages of [from, next) go across and `faulted` touched ones are fetched. */
  push(from: number, next: number, pushed: number, faulted: number, writesBefore: number, writesAfter: number): void;
  /** Auto-converge takes `throttle` of the guest's CPU from now on. */
  throttle(throttle: number): void;
}

export class Run {
  /** Seconds since iteration 1 started; the guest is paused during the final iteration. */
  t = 0;
  totalSent = 0;
  readonly perIteration: IterationRecord[] = [];
  readonly clock: WriteClock;
  readonly pagesPerSecond: number;
  /** Pages per second of the pass under way (QEMU's stop-and-copy runs faster than its live passes). */
  sendRate: number;
  /** CPU time the writer lost to the vCPU limit and throttling, s. */
  cpuLost = 0;
  private cpuLostShare: number;
  /** The current pass's start time and pages sent so far: its clock reads passStart + passSent / sendRate. */
  passStart = 0;
  passSent = 0;
  /** Set to follow the run step by step (see RunObserver). */
  observer: RunObserver | null = null;

  constructor(
    readonly s: Scenario,
    readonly tracker: DirtyTracker,
    /** The unthrottled writer's profile; by default the scenario's constant rate (vCPU limit applied). */
    profile: RateProfile = constantRate(guestWriteRate(s)),
  ) {
    this.clock = new WriteClock(profile);
    this.pagesPerSecond = sendPagesPerSecond(s);
    this.sendRate = this.pagesPerSecond;
    this.cpuLostShare = 1 - s.vcpuLimit;
  }

  get pages(): number {
    return this.tracker.pages;
  }

  /**
   * One pass over memory. With `peek` (Xen) it goes in batches of 1024 sent pages and skips pages that
   * are dirty again; without, it sends every to_send page. A final pass runs with the guest paused.
   */
  pass(peek: boolean, final = false): IterationRecord {
    const record = this.openRecord(final);
    const start = (this.passStart = this.t);
    const perSecond = this.sendRate;
    let sent = (this.passSent = 0);
    let skipped = 0;
    // Batches the tracker can take in closed form (tracker.walkAhead); an observer sees every batch.
    const walkAhead = peek && this.observer === null ? this.tracker.walkAhead?.bind(this.tracker) : undefined;
    const writesAtBatch = (k: number) => this.clock.writesAt(start + (sent + k * BATCH_PAGES) / perSecond);
    const writesPerBatch = ((this.clock.constantRate() ?? 0) * BATCH_PAGES) / perSecond;
    let tryAhead = walkAhead !== undefined;
    for (let from = 0; from < this.pages; ) {
      if (tryAhead) {
        const ahead = walkAhead!(from, BATCH_PAGES, writesAtBatch, writesPerBatch);
        tryAhead = false;
        if (ahead.batches > 0) {
          sent = this.passSent += ahead.sent;
          skipped += ahead.skipped;
          // Time from the pages sent since the pass began (not a running sum), so a jump lands
          // exactly where the batches one by one would.
          this.t = start + sent / perSecond;
          from = ahead.next;
          continue;
        }
      }
      const writes = peek ? this.clock.writesAt(this.t) : null;
      const { sent: batchSent, skipped: batchSkipped, next } = this.tracker.batch(from, writes, peek ? BATCH_PAGES : Infinity);
      this.observer?.batch(record, from, next, batchSent, batchSkipped, writes);
      sent = this.passSent += batchSent;
      skipped += batchSkipped;
      this.t = start + sent / perSecond;
      tryAhead = walkAhead !== undefined;
      from = next;
    }
    if (!final) this.cpuLost += (this.t - start) * this.cpuLostShare;
    record.pagesSkipped = skipped;
    this.closeRecord(record, sent);
    return record;
  }

  /** Starts the record of an iteration or phase at the current time. */
  openRecord(final = false): IterationRecord {
    const at = this.s.preS + this.t;
    const record: IterationRecord = { iteration: this.perIteration.length + 1, startS: at, endS: at, pagesSent: 0, pagesSkipped: 0, pagesDirtied: 0, final };
    this.perIteration.push(record);
    return record;
  }

  closeRecord(record: IterationRecord, sent: number): void {
    record.endS = this.s.preS + this.t;
    record.pagesSent = sent;
    this.totalSent += sent;
  }

  /**
   * Post-copy's switch-over: the VM pauses for `seconds` while its CPU and device state go across
   * (no memory), then the destination commits and activates it. Returns the paused record.
   */
  pause(seconds: number): IterationRecord {
    const record = this.openRecord(true);
    this.observer?.pause(record, seconds);
    this.clock.setScale(this.t, 0); // a paused guest writes nothing
    this.t += seconds;
    this.closeRecord(record, 0);
    this.t += this.s.postS;
    this.clock.setScale(this.t, 1);
    return record;
  }

  /** The result of a post-copy run, whose post-migration overhead is already on the clock. */
  result(stopReason: StopReason, paused: IterationRecord, extra: Partial<RunResult>): RunResult {
    return {
      migrationTimeS: this.s.preS + this.t,
      downtimeS: paused.endS - paused.startS + this.s.postS,
      iterations: this.perIteration.length,
      pagesSent: this.totalSent,
      stopReason,
      perIteration: this.perIteration,
      ...extra,
    };
  }

  /** The clean after a live pass: to_send becomes the dirty bitmap; returns its size. */
  clean(record: IterationRecord): number {
    const writes = this.clock.writesAt(this.t);
    record.pagesDirtied = this.tracker.clean(writes);
    this.observer?.clean(record, writes);
    return record.pagesDirtied;
  }

  /** From now on the writer keeps `share` of its (vCPU-limited) speed. */
  setWriterShare(share: number): void {
    this.clock.setScale(this.t, share);
    this.cpuLostShare = 1 - this.s.vcpuLimit * share;
  }

  /**
   * From now on a throttle takes `throttle` of the guest's vCPU: the vCPU loses that share, the writer
   * slows only if the CPU left falls below what it needs (scenario.writerCpu).
   */
  setThrottle(throttle: number): void {
    const s = this.s;
    this.clock.setScale(this.t, writerSpeed(s, s.vcpuLimit * (1 - throttle)) / writerSpeed(s, s.vcpuLimit));
    this.cpuLostShare = 1 - s.vcpuLimit * (1 - throttle);
  }

  /** The guest runs until `t` (while pages go out); the vCPU limit and throttle cost it CPU. */
  advanceTo(t: number): void {
    this.cpuLost += (t - this.t) * this.cpuLostShare;
    this.t = t;
  }

  /** Runs the paused stop-and-copy and returns the result. */
  finish(stopReason: StopReason, extra: Partial<RunResult> = {}): RunResult {
    const final = this.pass(false, true);
    const s = this.s;
    const result: RunResult = {
      migrationTimeS: s.preS + this.t + s.postS,
      downtimeS: final.endS - final.startS + s.postS,
      iterations: this.perIteration.length,
      pagesSent: this.totalSent,
      stopReason,
      perIteration: this.perIteration,
      ...extra,
    };
    if (s.vcpuLimit < 1 || extra.throttle) result.guestCpuLostS = this.cpuLost;
    return result;
  }
}
