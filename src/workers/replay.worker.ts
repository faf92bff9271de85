// The teaching mode's Web Worker: it keeps one run's page-exact replay (src/model/replay) and answers
// with the events' summary and, for any event, the memory map as RGBA cells ready for a canvas. The
// client imports only `type ReplayApi` (Squoosh's split); the map's pixels are transferred, not copied.
import { expose, transfer } from 'comlink';
import { ExactLimitError, sendPagesPerSecond, validateScenario, type PolicyName, type Scenario } from '../model/index.ts';
import { installTrace, traceById } from './traces.ts';
import { DEFAULT_PALETTE, ReplayLimitError, aggregateRGBA, createReplay, stepIndices, type BatchEvent, type DirtySplit, type PushEvent, type Replay, type ReplayEvent } from '../model/replay/index.ts';

/** What the player needs to know about the run's events, without the events themselves. */
export interface EventsSummary {
  /** The scenario replayed (validated) and the trace driving it (null: the constant rate). */
  scenario: Scenario;
  traceId: string | null;
  pages: number;
  policy: PolicyName;
  /** Pages the link sends per second (after goodput, zero pages and compression). */
  pagesPerSecond: number;
  events: number;
  /** Per event: its time (s) and iteration. */
  atS: Float64Array;
  iteration: Int32Array;
  /** Per event: its batch within its iteration's run of batches (1-based; 0: not a batch) and how many that run has. */
  batchNo: Int32Array;
  batchesOf: Int32Array;
  /** Where the player stops, per granularity. */
  stops: { batch: Int32Array; iteration: Int32Array };
  run: { migrationTimeS: number; downtimeS: number; iterations: number };
}

export type LoadResult = { ok: true; summary: EventsSummary } | { ok: false; limit: boolean; message: string };

/** The numbers around an event that the narration uses (see app/teach/narrate.ts StepContext). */
export interface FrameContext {
  iteration: { sent: number; skipped: number; startS: number; batch: number; batches: number };
  totalSent: number;
  /** The pages written since the last clean, split into already sent (must go again) and not yet sent. */
  dirtied: DirtySplit;
  /** The same split of the pass the last clean ended; null before the first clean. */
  cleaned: DirtySplit | null;
}

export interface Frame {
  eventIndex: number;
  event: ReplayEvent;
  cellsX: number;
  cellsY: number;
  /** cellsX * cellsY RGBA pixels (transferred). */
  rgba: Uint8ClampedArray<ArrayBuffer>;
  /** Pages per PageState code. */
  counts: number[];
  context: FrameContext;
}

interface Loaded {
  replay: Replay;
  /** Per event: sent and skipped so far in its pass, the pass's first batch start, batch number, batches. */
  iterSent: Float64Array;
  iterSkipped: Float64Array;
  iterStartS: Float64Array;
  batchNo: Int32Array;
  batchesOf: Int32Array;
  totalSent: Float64Array;
}

let loaded: Loaded | null = null;

function checked(input: unknown): Scenario {
  if (typeof input !== 'object' || input === null) throw new TypeError('scenario must be an object');
  const v = validateScenario(input as Partial<Record<keyof Scenario, unknown>>);
  if (!v.ok) throw new RangeError(v.issues.map((i) => `${i.field.flag} ${i.message}`).join('; '));
  return v.scenario;
}

const isSend = (e: ReplayEvent): e is BatchEvent | PushEvent => e.kind === 'batch' || e.kind === 'final-copy' || e.kind === 'push';

/** Running sums over each pass, so that any event's narration knows its iteration so far. */
function passSums(events: readonly ReplayEvent[]): Omit<Loaded, 'replay'> {
  const n = events.length;
  const iterSent = new Float64Array(n);
  const iterSkipped = new Float64Array(n);
  const iterStartS = new Float64Array(n);
  const batchNo = new Int32Array(n);
  const batchesOf = new Int32Array(n);
  const totalSent = new Float64Array(n);
  let sent = 0;
  let skipped = 0;
  let start = 0;
  let no = 0;
  let total = 0;
  let runStart = 0;
  let prevKind = '';
  let prevIteration = -1;
  for (let i = 0; i < n; i++) {
    const e = events[i];
    if (isSend(e)) {
      // A new pass: a send after anything but a send or a peek of the same iteration and kind.
      if (!(prevKind === e.kind || (prevKind === 'peek' && e.kind === 'batch')) || e.iteration !== prevIteration) {
        for (let j = runStart; j < i; j++) if (batchNo[j] > 0) batchesOf[j] = no;
        sent = 0;
        skipped = 0;
        no = 0;
        runStart = i;
        start = e.startS;
      }
      no++;
      sent += e.kind === 'push' ? e.pushed : e.sent;
      skipped += e.kind === 'push' ? 0 : e.skipped;
      total += e.kind === 'push' ? e.pushed : e.sent;
      batchNo[i] = no;
    }
    if (e.kind !== 'peek') {
      prevKind = e.kind;
      prevIteration = e.iteration;
    }
    iterSent[i] = sent;
    iterSkipped[i] = skipped;
    iterStartS[i] = start;
    totalSent[i] = total;
  }
  for (let j = runStart; j < n; j++) if (batchNo[j] > 0) batchesOf[j] = no;
  return { iterSent, iterSkipped, iterStartS, batchNo, batchesOf, totalSent };
}

function toStops(events: readonly ReplayEvent[], g: 'batch' | 'iteration'): Int32Array {
  return Int32Array.from(stepIndices(events, g));
}

export const replayApi = {
  /**
   * Replaces the replay with one of `scenario`, its dirty rate from the trace installed under `traceId`
   * when given (as the simulator's run(s, traceId)); ReplayLimitError and other errors come back as values.
   */
  load(scenario: unknown, traceId: string | null = null): LoadResult {
    loaded = null;
    try {
      const s = checked(scenario);
      if (traceId !== null && typeof traceId !== 'string') throw new TypeError('traceId must be a string or null');
      const trace = traceId === null ? undefined : traceById(traceId);
      const replay = createReplay(s, { trace });
      const events = replay.events;
      const end = events[events.length - 1];
      // Take the checkpoints now (tens of ms for 1 GiB) so backward steps are quick from the start.
      if (replay.pages <= 1 << 21) {
        replay.seek(events.length - 1);
        replay.seek(0);
      }
      const sums = passSums(events);
      loaded = { replay, ...sums };
      const summary: EventsSummary = {
        scenario: s,
        traceId,
        pages: replay.pages,
        policy: s.policy,
        pagesPerSecond: sendPagesPerSecond(s),
        events: events.length,
        atS: Float64Array.from(events, (e) => e.atS),
        iteration: Int32Array.from(events, (e) => e.iteration),
        batchNo: sums.batchNo.slice(),
        batchesOf: sums.batchesOf.slice(),
        stops: { batch: toStops(events, 'batch'), iteration: toStops(events, 'iteration') },
        run: end.kind === 'end' ? { migrationTimeS: end.migrationTimeS, downtimeS: end.downtimeS, iterations: end.iterations } : { migrationTimeS: end.atS, downtimeS: 0, iterations: end.iteration },
      };
      return transfer({ ok: true, summary }, [summary.atS.buffer, summary.iteration.buffer, summary.batchNo.buffer, summary.batchesOf.buffer, summary.stops.batch.buffer, summary.stops.iteration.buffer]) as LoadResult;
    } catch (e) {
      const limit = e instanceof ReplayLimitError || e instanceof ExactLimitError;
      return { ok: false, limit, message: e instanceof Error ? e.message : String(e) };
    }
  },

  /** Keeps a parsed trace's arrays under `id` (dropping those not in `keep`), for load(s, id). */
  installTrace(id: string, times: Float64Array, rates: Float64Array, keep: readonly string[]): void {
    installTrace(id, times, rates, keep);
  },

  /** The map after event `eventIndex`, as cellsX x cellsY RGBA pixels, with the narration's numbers. */
  frame(eventIndex: number, cellsX: number, cellsY: number): Frame {
    if (!loaded) throw new Error('no replay is loaded');
    const l = loaded;
    const k = Math.min(Math.max(0, Math.trunc(eventIndex)), l.replay.events.length - 1);
    const state = l.replay.seek(k);
    const rgba = aggregateRGBA(state, cellsX, cellsY, DEFAULT_PALETTE) as Uint8ClampedArray<ArrayBuffer>;
    const frame: Frame = {
      eventIndex: k,
      event: state.event,
      cellsX,
      cellsY,
      rgba,
      counts: Array.from(state.counts),
      context: {
        iteration: { sent: l.iterSent[k], skipped: l.iterSkipped[k], startS: l.iterStartS[k], batch: l.batchNo[k], batches: l.batchesOf[k] },
        totalSent: l.totalSent[k],
        dirtied: state.dirtied,
        cleaned: state.cleaned,
      },
    };
    return transfer(frame, [rgba.buffer]);
  },
};

export type ReplayApi = typeof replayApi;

// Only in a worker (Vitest imports replayApi directly).
if (typeof self !== 'undefined' && typeof (self as { postMessage?: unknown }).postMessage === 'function' && typeof window === 'undefined') expose(replayApi);
