// Dirty-rate traces on the worker side: parsing a CSV into a Trace with what the app shows about it
// (TraceInfo), and the traces a worker keeps by id for its runs and sweeps.
import { meanRate, parseTrace, peakRate, sweepStarts, traceFromSeries, type Trace } from '../model/index.ts';

/** Start times a start-time sweep runs (Akoush Table IV): every row, or this many evenly spaced. */
export const START_SAMPLES = 200;
/** Points of the rate sparkline. */
export const SPARK_POINTS = 240;
const MAX_COMMENTS = 6;
const MAX_COMMENT_CHARS = 160;

/** What the app shows about a trace; small enough to keep in the store. */
export interface TraceInfo {
  rows: number;
  endS: number;
  peakRate: number;
  meanRate: number;
  /** The first comment lines, truncated. */
  comments: string[];
  /** Start times of the start-time sweep, s. */
  starts: number[];
  /** The rate over time for a sparkline: bucket starts (s), mean and highest rate in each bucket. */
  spark: { t: number[]; mean: number[]; max: number[] };
}

export type TraceLoad =
  | { ok: true; info: TraceInfo; times: Float64Array; rates: Float64Array }
  | { ok: false; error: string; line: number };

/** Mean and peak rate per bucket over [0, endS] (one bucket for a one-row trace). */
export function sparkline(trace: Trace, points = SPARK_POINTS): TraceInfo['spark'] {
  const { times, rates, endS } = trace;
  if (!(endS > 0)) return { t: [0], mean: [rates[0]], max: [rates[0]] };
  const n = Math.max(1, Math.min(points, times.length));
  const width = endS / n;
  const t: number[] = [];
  const mean: number[] = [];
  const max: number[] = [];
  let row = 0;
  for (let b = 0; b < n; b++) {
    const from = b * width;
    const to = b === n - 1 ? endS : (b + 1) * width;
    // Rows whose interval overlaps [from, to): the one holding `from`, then every row starting before `to`.
    while (row + 1 < times.length && times[row + 1] <= from) row++;
    let peak = rates[row];
    for (let r = row + 1; r < times.length - 1 && times[r] < to; r++) if (rates[r] > peak) peak = rates[r];
    t.push(from);
    mean.push(meanRate(trace, from, to));
    max.push(peak);
  }
  return { t, mean, max };
}

export function traceInfo(trace: Trace): TraceInfo {
  const comments = (trace.comments ?? [])
    .filter((c) => c.trim() !== '')
    .slice(0, MAX_COMMENTS)
    .map((c) => (c.length > MAX_COMMENT_CHARS ? `${c.slice(0, MAX_COMMENT_CHARS)}…` : c));
  return {
    rows: trace.times.length,
    endS: trace.endS,
    peakRate: peakRate(trace),
    meanRate: trace.endS > 0 ? meanRate(trace, 0, trace.endS) : trace.rates[0],
    comments,
    starts: sweepStarts(trace, START_SAMPLES),
    spark: sparkline(trace),
  };
}

/** Reads and parses a trace file (a Blob from an upload or a fetch, or its text). */
export async function loadTrace(source: Blob | string): Promise<TraceLoad> {
  const text = typeof source === 'string' ? source : await source.text();
  const parsed = parseTrace(text);
  if (!parsed.ok) return { ok: false, error: parsed.error, line: parsed.line };
  const { trace } = parsed;
  return { ok: true, info: traceInfo(trace), times: trace.times, rates: trace.rates };
}

/** The traces this worker keeps, by id (the client says which to keep). */
const kept = new Map<string, Trace>();

/** Keeps a parsed trace under `id` and drops every trace not named in `keep`. */
export function installTrace(id: string, times: Float64Array, rates: Float64Array, keep: readonly string[]): void {
  if (typeof id !== 'string' || !(times instanceof Float64Array) || !(rates instanceof Float64Array)) {
    throw new TypeError('installTrace: an id and two Float64Arrays are needed');
  }
  const trace = traceFromSeries(times, rates); // validates what crossed the boundary
  for (const other of [...kept.keys()]) if (!keep.includes(other)) kept.delete(other);
  kept.set(id, trace);
}

/** The trace kept under `id`; throws when this worker does not have it. */
export function traceById(id: string): Trace {
  const trace = kept.get(id);
  if (!trace) throw new Error(`trace "${String(id).slice(0, 40)}" is not loaded in this worker`);
  return trace;
}
