// The event log of one run, for the teaching mode's player: every peek, batch, clean and stop decision,
// the pause, the final copy, commitment and activation (and post-copy's push steps), with the simulated
// time and the numbers the narration needs. It is recorded by a RunObserver on the model's own run, so
// it agrees with simulate(s) for `sequential` and with simulateExact(s) for the random patterns (which
// are run page by page with the scenario's seed, so that the memory map can be page-exact).
import type { RateProfile } from '../clock.ts';
import { BitmapTracker, EXACT_LIMITS, ExactLimitError } from '../exact/bitmap.ts';
import { writerFor, type Writer } from '../exact/writers.ts';
import { workingSetOf } from '../patterns/regions.ts';
import { SequentialTracker } from '../patterns/sequential.ts';
import { runPostcopy } from '../policies/postcopy.ts';
import { QEMU_MAX_PASSES, runQemu } from '../policies/qemu.ts';
import { Run, type RunObserver } from '../policies/run.ts';
import { XEN_V2_MAX_ROUNDS, runXenV2 } from '../policies/xen-v2.ts';
import { runXen } from '../policies/xen.ts';
import type { IterationRecord, RunResult, StopReason } from '../result.ts';
import type { Trace } from '../trace/parse.ts';
import { profileForMigration } from '../trace/profile.ts';
import type { PolicyName, Scenario } from '../scenario.ts';
import { BATCH_PAGES, pagesOf } from '../units.ts';

/** The largest VM the replay takes, in pages (the page-exact walk's limit, 2^25: 128 GiB of 4 KiB pages). */
export const REPLAY_MAX_PAGES = EXACT_LIMITS.maxPages;
/** The longest event log the replay records (a QEMU run that never converges can take millions of steps). */
export const REPLAY_MAX_EVENTS = 2_000_000;

/** A run too big to replay page by page (an ExactLimitError, so callers may treat both alike). */
export class ReplayLimitError extends ExactLimitError {}

interface EventBase {
  /** Seconds since the migration started (as IterationRecord times): the moment the event's map shows. */
  atS: number;
  /** The iteration (IterationRecord.iteration) the event belongs to; 0 before iteration 1. */
  iteration: number;
  /** The guest's page writes since iteration 1 started, all of them already in the event's map. */
  writes: number;
}

/** Initialisation and reservation, before iteration 1; every page is still to send. */
export interface PreMigrationEvent extends EventBase {
  kind: 'pre-migration';
  pages: number;
  durationS: number;
}

/** Xen reads the dirty bitmap before a batch (without clearing it). */
export interface PeekEvent extends EventBase {
  kind: 'peek';
  /** Pages written since the last clean, up to this instant. */
  dirtyPages: number;
}

/**
 * One batch of a pass: the walk went over pages [from, to), sent `sent` of them and skipped `skipped`
 * (dirty at the peek). Passes without a peek (Xen v2, QEMU, hybrid's pass, the final copy) are one
 * step in the model; here they are split into batches of at most 1024 sent pages, as Xen's are, at the
 * times the model's link gives them. `atS` is `endS`: the map shows the writes made while it was sent.
 */
export interface BatchEvent extends EventBase {
  /** 'final-copy': a batch of the stop-and-copy, with the guest paused. */
  kind: 'batch' | 'final-copy';
  from: number;
  to: number;
  sent: number;
  skipped: number;
  startS: number;
  endS: number;
  /** Whether the pass peeks and skips (Xen legacy). */
  peek: boolean;
}

/** After a live pass: to_send becomes the dirty bitmap, which is cleared. */
export interface CleanEvent extends EventBase {
  kind: 'clean';
  /** Pages written during the iteration: the next to_send (with `keepFrom`, part of it). */
  dirtied: number;
  /**
   * QEMU's sync mid-pass: to_send also keeps its unsent pages from this page on, and then has
   * `toSend` pages (the rest of the pass and the pages written, each once).
   */
  keepFrom?: number;
  toSend?: number;
}

/** What a policy checks to end pre-copy; only the ones it uses are present. */
export interface StopLimits {
  /** Xen: sent + skipped below this ends pre-copy; Xen v2: dirtied below it does. */
  minDirtyPages?: number;
  /** Xen, Xen v2: the stop-and-copy follows this iteration; QEMU: the pass guard. */
  maxIterations?: number;
  /** Xen: pre-copy ends once totalSent is above this (maxFactor x pages). */
  maxTotalSent?: number;
  /** QEMU: the switch-over comes once `dirtied` is at most this (bandwidth x downtime limit). */
  thresholdPages?: number;
  /** QEMU: past this much pre-copy (precopyS) the switch-over is forced. */
  timeoutS?: number;
}

/** The policy's decision after a live pass (or, for post-copy, before any). */
export interface StopDecisionEvent extends EventBase {
  kind: 'stop-decision';
  /** Why pre-copy ends now, or null to go on. */
  reason: StopReason | null;
  sent: number;
  skipped: number;
  sentAndSkipped: number;
  /** Dirty pages when the policy decides after its clean (Xen v2, QEMU, hybrid); null for Xen (it decides first). */
  dirtied: number | null;
  /** Pages sent so far, all iterations. */
  totalSent: number;
  /** Time since iteration 1 started, s. */
  precopyS: number;
  limits: StopLimits;
}

/** QEMU auto-converge raises the guest's throttle. */
export interface ThrottleEvent extends EventBase {
  kind: 'throttle';
  /** Share of the guest's CPU taken away from now on. */
  throttle: number;
}

/** The guest stops: the stop-and-copy starts (pre-copy) or its CPU and device state go across (post-copy). */
export interface PauseEvent extends EventBase {
  kind: 'pause';
  /** Pages the final copy sends (0 for post-copy). */
  pagesToSend: number;
  /** Post-copy: only the CPU and device state are sent while paused. */
  stateOnly: boolean;
  /** How long the guest stays paused before commitment, s. */
  durationS: number;
}

/** The destination commits the migrated VM (start of the post-migration overhead). */
export interface CommitEvent extends EventBase {
  kind: 'commit';
  /** The post-migration overhead (commitment and activation), s. */
  durationS: number;
}

/** The VM runs at the destination. */
export interface ActivateEvent extends EventBase {
  kind: 'activate';
}

/**
 * Post-copy: one step pushes the missing pages of [from, to) in address order, and the missing pages
 * the guest touched meanwhile are fetched on demand (faulted) in the same step.
 */
export interface PushEvent extends EventBase {
  kind: 'push';
  from: number;
  to: number;
  pushed: number;
  faulted: number;
  startS: number;
  endS: number;
}

/** The migration is over: the run's totals (as simulate/simulateExact report them). */
export interface EndEvent extends EventBase {
  kind: 'end';
  migrationTimeS: number;
  downtimeS: number;
  iterations: number;
  totalSent: number;
  stopReason: StopReason;
  remoteFaults?: number;
}

export type ReplayEvent =
  | PreMigrationEvent
  | PeekEvent
  | BatchEvent
  | CleanEvent
  | StopDecisionEvent
  | ThrottleEvent
  | PauseEvent
  | CommitEvent
  | ActivateEvent
  | PushEvent
  | EndEvent;

export type ReplayEventKind = ReplayEvent['kind'];

export interface RunEventsOptions {
  /** A dirty-rate trace, from the scenario's traceStartS on, as simulate(s, trace) takes it. */
  trace?: Trace;
  /** Any other write profile (it wins over `trace`); by default the scenario's constant rate. */
  profile?: RateProfile;
}

const RUNNERS: Record<PolicyName, (run: Run) => RunResult> = {
  xen: runXen,
  'xen-v2': runXenV2,
  qemu: runQemu,
  postcopy: (run) => runPostcopy(run),
  hybrid: (run) => runPostcopy(run, true),
};

/**
 * The event log of one run of a valid scenario. `sequential` runs on the model's fast tracker (so the
 * log agrees with simulate(s, trace)); `uniform` and `hotcold` run page by page with the seed
 * (simulateExact(s, trace)).
 * Throws ReplayLimitError past REPLAY_MAX_PAGES pages or REPLAY_MAX_EVENTS events, and ExactLimitError
 * when a random pattern makes too many writes for a page-exact run.
 */
export function runEvents(s: Scenario, options: RunEventsOptions = {}): ReplayEvent[] {
  return recordRun(s, options).events;
}

/** runEvents with the run's result too. */
export function recordRun(s: Scenario, options: RunEventsOptions = {}): { events: ReplayEvent[]; result: RunResult } {
  const pages = pagesOf(s.vmMiB, s.pageBytes);
  checkReplayPages(pages);
  const tracker = s.pattern === 'sequential' ? new SequentialTracker(pages, workingSetOf(s)) : new BitmapTracker(pages, writerFor(s));
  const run = new Run(s, tracker, options.profile ?? (options.trace ? profileForMigration(options.trace, s.traceStartS, s) : undefined));
  const log = new EventLog(run);
  run.observer = log;
  const result = RUNNERS[s.policy](run);
  log.end(result);
  return { events: log.events, result };
}

export function checkReplayPages(pages: number): void {
  if (pages > REPLAY_MAX_PAGES) {
    throw new ReplayLimitError(`a page-exact replay takes at most ${REPLAY_MAX_PAGES} pages; this VM has ${pages} (aggregate a run's iterations instead)`);
  }
}

/** Pages written since the last clean, for the peeks' numbers (the trackers do not expose it). */
class DirtyCounter {
  private readonly workingSet: number;
  private readonly writer: Writer | null;
  private readonly bitmap: Uint8Array | null;
  private cleanWrites = 0;
  private applied = 0;
  private count = 0;

  constructor(s: Scenario) {
    this.workingSet = workingSetOf(s);
    // Write k of the sequential writer hits page k mod W, so m consecutive writes dirty min(m, W) pages.
    this.writer = s.pattern === 'sequential' ? null : writerFor(s);
    this.bitmap = this.writer ? new Uint8Array(this.workingSet) : null;
  }

  dirtyAt(writes: number): number {
    if (!this.writer || !this.bitmap) return Math.min(this.workingSet, writes - this.cleanWrites);
    for (; this.applied < writes; this.applied++) {
      const page = this.writer.page(this.applied);
      if (!this.bitmap[page]) {
        this.bitmap[page] = 1;
        this.count++;
      }
    }
    return this.count;
  }

  clean(writes: number): void {
    this.dirtyAt(writes);
    this.cleanWrites = writes;
    this.bitmap?.fill(0);
    this.count = 0;
  }
}

/** The RunObserver that writes the log. */
class EventLog implements RunObserver {
  readonly events: ReplayEvent[] = [];
  private readonly counter: DirtyCounter;
  /** Writes shown by the latest event (the guest's writes only grow, and stop while it is paused). */
  private writes = 0;
  private toSend: number;
  private pauseEvent: PauseEvent | null = null;

  constructor(private readonly run: Run) {
    this.counter = new DirtyCounter(run.s);
    this.toSend = run.pages;
    this.add({ kind: 'pre-migration', atS: 0, iteration: 0, writes: 0, pages: run.pages, durationS: run.s.preS });
  }

  private add(e: ReplayEvent): void {
    if (this.events.length >= REPLAY_MAX_EVENTS) throw new ReplayLimitError(`this run takes more than ${REPLAY_MAX_EVENTS} steps to replay`);
    this.events.push(e);
  }

  /** Seconds since the migration started, at simulation time t (as Run's records compute it). */
  private at(t: number): number {
    return this.run.s.preS + t;
  }

  batch(record: IterationRecord, from: number, next: number, sent: number, skipped: number, peekWrites: number | null): void {
    const run = this.run;
    const start = run.t;
    const iteration = record.iteration;
    if (peekWrites !== null) {
      this.add({ kind: 'peek', atS: this.at(start), iteration, writes: peekWrites, dirtyPages: this.counter.dirtyAt(peekWrites) });
      const end = run.passStart + (run.passSent + sent) / run.sendRate; // as Run's clock will read
      this.writes = run.clock.writesAt(end);
      this.add({ kind: 'batch', atS: this.at(end), iteration, writes: this.writes, from, to: next, sent, skipped, startS: this.at(start), endS: this.at(end), peek: true });
      return;
    }
    if (record.final && !this.pauseEvent) {
      this.pauseEvent = { kind: 'pause', atS: this.at(start), iteration, writes: this.writes, pagesToSend: this.toSend, stateOnly: false, durationS: 0 };
      this.add(this.pauseEvent);
    }
    // A pass without a peek sends every to_send page of [from, next) whenever it walks it, so it splits
    // into the batches Xen would send; tracker.batch without a peek only reads the tracker.
    // QEMU's steps may end mid-pass (`next` < pages): their last batch ends at `next`.
    const partial = next < run.pages;
    let done = 0;
    for (let f = from; f < next; ) {
      let batchSent = sent - done;
      let to = next;
      if (!partial || batchSent > BATCH_PAGES) {
        const step = run.tracker.batch(f, null, BATCH_PAGES);
        batchSent = step.sent;
        to = step.next;
      }
      // As Run's clock reads (QEMU's live phase counts its pages from the start: passStart 0).
      const t0 = run.passStart + (run.passSent + done) / run.sendRate;
      done += batchSent;
      const t1 = run.passStart + (run.passSent + done) / run.sendRate;
      // The guest is paused during the final copy.
      if (!record.final) this.writes = run.clock.writesAt(t1);
      this.add({ kind: record.final ? 'final-copy' : 'batch', atS: this.at(t1), iteration, writes: this.writes, from: f, to, sent: batchSent, skipped: 0, startS: this.at(t0), endS: this.at(t1), peek: false });
      f = to;
    }
    if (done !== sent) throw new Error(`replay: a pass split into batches sent ${done} pages, not ${sent}`);
  }

  clean(record: IterationRecord, writes: number, merge?: { from: number; toSend: number }): void {
    this.counter.clean(writes);
    this.writes = writes;
    this.toSend = merge ? merge.toSend : record.pagesDirtied;
    const kept = merge ? { keepFrom: merge.from, toSend: merge.toSend } : {};
    this.add({ kind: 'clean', atS: this.at(this.run.t), iteration: record.iteration, writes, dirtied: record.pagesDirtied, ...kept });
  }

  decide(record: IterationRecord | null, reason: StopReason | null): void {
    const run = this.run;
    const s = run.s;
    const sent = record?.pagesSent ?? 0;
    const skipped = record?.pagesSkipped ?? 0;
    this.add({
      kind: 'stop-decision',
      atS: this.at(run.t),
      iteration: record?.iteration ?? 0,
      writes: this.writes,
      reason,
      sent,
      skipped,
      sentAndSkipped: sent + skipped,
      dirtied: record && s.policy !== 'xen' ? record.pagesDirtied : null,
      totalSent: run.totalSent,
      precopyS: run.t,
      limits: stopLimits(run),
    });
  }

  pause(record: IterationRecord, seconds: number): void {
    const run = this.run;
    const iteration = record.iteration;
    this.add({ kind: 'pause', atS: this.at(run.t), iteration, writes: this.writes, pagesToSend: 0, stateOnly: true, durationS: seconds });
    // Run.pause adds the pause and then the post overhead to run.t; the same sums give the same times.
    const resumed = run.t + seconds;
    this.add({ kind: 'commit', atS: this.at(resumed), iteration, writes: this.writes, durationS: run.s.postS });
    this.add({ kind: 'activate', atS: this.at(resumed + run.s.postS), iteration, writes: this.writes });
  }

  push(from: number, next: number, pushed: number, faulted: number, _writesBefore: number, writesAfter: number): void {
    const run = this.run;
    const start = run.t;
    const end = run.passStart + (run.passSent + pushed + faulted) / run.pagesPerSecond; // as post-copy's clock will read
    this.writes = writesAfter;
    this.add({ kind: 'push', atS: this.at(end), iteration: run.perIteration.length, writes: writesAfter, from, to: next, pushed, faulted, startS: this.at(start), endS: this.at(end) });
  }

  throttle(throttle: number): void {
    this.add({ kind: 'throttle', atS: this.at(this.run.t), iteration: this.run.perIteration.length, writes: this.writes, throttle });
  }

  /** Commitment and activation after a stop-and-copy, then the totals. */
  end(result: RunResult): void {
    const s = this.run.s;
    const last = result.perIteration[result.perIteration.length - 1];
    const iteration = last.iteration;
    if (this.pauseEvent) {
      this.pauseEvent.durationS = last.endS - last.startS;
      this.add({ kind: 'commit', atS: last.endS, iteration, writes: this.writes, durationS: s.postS });
      this.add({ kind: 'activate', atS: result.migrationTimeS, iteration, writes: this.writes });
    }
    this.add({
      kind: 'end',
      atS: result.migrationTimeS,
      iteration,
      writes: this.writes,
      migrationTimeS: result.migrationTimeS,
      downtimeS: result.downtimeS,
      iterations: result.iterations,
      totalSent: result.pagesSent,
      stopReason: result.stopReason,
      ...(result.remoteFaults === undefined ? {} : { remoteFaults: result.remoteFaults }),
    });
  }
}

function stopLimits(run: Run): StopLimits {
  const s = run.s;
  switch (s.policy) {
    case 'xen':
      return { minDirtyPages: s.minDirtyPages, maxIterations: s.maxIterations, maxTotalSent: s.maxFactor * run.pages };
    case 'xen-v2':
      return { minDirtyPages: s.minDirtyPages, maxIterations: XEN_V2_MAX_ROUNDS };
    case 'qemu':
      return { thresholdPages: run.pagesPerSecond * (s.downtimeLimitMs / 1000), timeoutS: s.timeoutS, maxIterations: QEMU_MAX_PASSES };
    default:
      return {};
  }
}

export type StepGranularity = 'event' | 'batch' | 'iteration';

/**
 * The event indices a player stops at: every event; every event but the peeks (each peek is told with
 * its batch); or, per iteration, the last batch of each pass (and post-copy's last push) plus every
 * event that is not a batch, peek or push.
 */
export function stepIndices(events: readonly ReplayEvent[], granularity: StepGranularity): number[] {
  const stops: number[] = [];
  events.forEach((e, i) => {
    if (granularity === 'event') stops.push(i);
    else if (e.kind === 'peek') {
      if (granularity === 'batch') return;
    } else if (e.kind === 'batch' || e.kind === 'final-copy' || e.kind === 'push') {
      if (granularity === 'batch') stops.push(i);
      else {
        const next = events[i + 1];
        if (!next || (next.kind !== e.kind && !(e.kind === 'batch' && next.kind === 'peek'))) stops.push(i);
      }
    } else stops.push(i);
  });
  return stops;
}
