// Random access over a run's page-exact memory map: seek(k) gives the map after event k. Forward it
// applies the events in between (one step is one batch's walk and the writes made while it was sent);
// backward it restores the nearest checkpoint at or before k and goes forward from there. Checkpoints
// (the codes, the dirty bitmap as bits, a few numbers) are taken the first time the replay passes their
// events, spaced by the work needed to replay between them, within a memory budget (64 MiB by default).
import type { RateProfile } from '../clock.ts';
import { workingSetOf } from '../patterns/regions.ts';
import type { Scenario } from '../scenario.ts';
import type { Trace } from '../trace/parse.ts';
import { pagesOf } from '../units.ts';
import { MemoryEngine, snapshotBytes, type DirtySplit, type EngineSnapshot } from './engine.ts';
import { checkReplayPages, runEvents, type ReplayEvent } from './events.ts';

/** Default memory for checkpoints: 64 MiB (about 220 checkpoints of a 1 GiB VM). */
export const DEFAULT_CHECKPOINT_BYTES = 64 * 1_048_576;

export interface ReplayOptions {
  /**
   * At most this many events between checkpoints (default: spacing by work only). The memory budget
   * wins: if it cannot hold that many checkpoints, they are spaced further apart.
   */
  checkpointEvery?: number;
  /** Memory the checkpoints may take, bytes (default DEFAULT_CHECKPOINT_BYTES). */
  checkpointBytes?: number;
  /** The run's event log, if already made with runEvents(s) (it must be that scenario's). */
  events?: ReplayEvent[];
  /** A dirty-rate trace, passed to runEvents when the events are not given. */
  trace?: Trace;
  /** A write profile, passed to runEvents when the events are not given. */
  profile?: RateProfile;
}

/** The memory map after one event. */
export interface MemoryState {
  readonly eventIndex: number;
  readonly event: ReplayEvent;
  readonly pages: number;
  /**
   * One PageState code per page. It is the replay's own array, valid until its next seek: copy it
   * (codes.slice()) to keep it or to send it to another thread.
   */
  readonly codes: Uint8Array;
  /** Pages per state, indexed by code (a copy); they sum to `pages`. */
  readonly counts: Int32Array;
  /** The guest's writes since iteration 1 started, all of them in the map. */
  readonly writes: number;
  /**
   * The pages written since the last clean, and how many of them had already been sent when first
   * written (so must go again) rather than still waiting to be sent. Pre-copy only: after post-copy's
   * switch-over `alreadySent` and `sentEarlier` stay as they were.
   */
  readonly dirtied: DirtySplit;
  /** The same split of the pass the last clean ended (the pages it made the next to_send); null before the first clean. */
  readonly cleaned: DirtySplit | null;
}

export interface Replay {
  readonly scenario: Scenario;
  readonly pages: number;
  readonly events: readonly ReplayEvent[];
  /** Index of the event the map is at now. */
  readonly position: number;
  /** The map after event `eventIndex` (0 is the pre-migration state). */
  seek(eventIndex: number): MemoryState;
  /** Event indices of the checkpoints, how many are taken so far and the bytes they hold. */
  checkpoints(): { positions: readonly number[]; taken: number; bytes: number };
}

/** A page-exact replay of scenario `s` (at most REPLAY_MAX_PAGES pages, else ReplayLimitError). */
export function createReplay(s: Scenario, options: ReplayOptions = {}): Replay {
  const pages = pagesOf(s.vmMiB, s.pageBytes);
  checkReplayPages(pages);
  const events = options.events ?? runEvents(s, { trace: options.trace, profile: options.profile });
  const engine = new MemoryEngine(s);
  const bytesPer = snapshotBytes(pages);
  const maxCheckpoints = Math.floor((options.checkpointBytes ?? DEFAULT_CHECKPOINT_BYTES) / bytesPer);
  const work = replayWork(s, events);
  // Restoring copies the codes and unpacks the bitmap: about as much work as walking a quarter of the VM.
  const restoreWork = pages / 4;
  const positions = checkpointPositions(work, maxCheckpoints, options.checkpointEvery ?? Infinity, restoreWork);
  const saved: EngineSnapshot[] = [];

  const start = () => {
    engine.reset();
    engine.apply(events[0]);
  };
  const save = () => saved.push(engine.snapshot());
  const restore = (c: EngineSnapshot) => engine.restore(c);
  /** The last checkpoint taken at or before event k, or -1. */
  const savedAtOrBefore = (k: number) => {
    let lo = 0;
    let hi = saved.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (positions[mid] <= k) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };

  start();
  return {
    scenario: s,
    pages,
    events,
    get position() {
      return engine.index;
    },
    seek(k: number): MemoryState {
      if (!Number.isInteger(k) || k < 0 || k >= events.length) throw new RangeError(`event index ${k} is outside 0..${events.length - 1}`);
      if (k !== engine.index) {
        const c = savedAtOrBefore(k);
        if (k < engine.index) {
          if (c >= 0) restore(saved[c]);
          else start();
        } else if (c >= 0 && positions[c] > engine.index && work.cumulative[positions[c]] - work.cumulative[engine.index] > restoreWork) {
          restore(saved[c]);
        }
        while (engine.index < k) {
          engine.apply(events[engine.index + 1]);
          if (saved.length < positions.length && engine.index === positions[saved.length]) save();
        }
      }
      return { eventIndex: k, event: events[k], pages, codes: engine.codes, counts: engine.counts.slice(), writes: engine.writes, dirtied: engine.dirtied(), cleaned: engine.cleaned() };
    },
    checkpoints() {
      return { positions, taken: saved.length, bytes: saved.length * bytesPer };
    },
  };
}

/**
 * Rough cost of replaying each event, in units of one page walked, and its running sum: a batch walks
 * its range and settles the pages it sent at the next event, a random write costs a few units (the
 * sequential writer needs at most W), a clean copies and clears two byte maps.
 */
function replayWork(s: Scenario, events: readonly ReplayEvent[]): { perEvent: Float64Array; cumulative: Float64Array } {
  const pages = pagesOf(s.vmMiB, s.pageBytes);
  const w = workingSetOf(s);
  const perEvent = new Float64Array(events.length);
  const cumulative = new Float64Array(events.length);
  let writes = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const made = e.writes - writes;
    writes = e.writes;
    let units = 16 + (s.pattern === 'sequential' ? 2 * Math.min(made, w) : 6 * made);
    if (e.kind === 'batch' || e.kind === 'final-copy') units += e.to - e.from + 2 * e.sent;
    else if (e.kind === 'push') units += e.to - e.from + 2 * e.pushed;
    else if (e.kind === 'clean') units += pages / 4;
    perEvent[i] = units;
    cumulative[i] = (i > 0 ? cumulative[i - 1] : 0) + units;
  }
  return { perEvent, cumulative };
}

/**
 * Where to take checkpoints: each once the work since the last reaches an even share of the whole
 * (never less than a restore costs), or after `every` events, and never more than `max` of them.
 */
function checkpointPositions(work: { perEvent: Float64Array; cumulative: Float64Array }, max: number, every: number, restoreWork: number): number[] {
  const n = work.perEvent.length;
  if (max <= 0 || n < 2) return [];
  const total = work.cumulative[n - 1];
  let share = Math.max(total / (max + 1), restoreWork);
  let gap = Math.max(1, Math.floor(every));
  for (;;) {
    const positions: number[] = [];
    let acc = 0;
    let since = 0;
    for (let i = 1; i < n; i++) {
      acc += work.perEvent[i];
      since++;
      if (acc >= share || since >= gap) {
        positions.push(i);
        acc = 0;
        since = 0;
      }
    }
    if (positions.length <= max) return positions;
    share *= positions.length / max;
    if (Number.isFinite(gap)) gap = Math.ceil((gap * positions.length) / max);
  }
}
