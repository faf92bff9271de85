// When to migrate (Akoush et al., Table IV): the same workload gives different migration times and
// downtimes depending on where in its trace the migration starts. This runs one migration per start time,
// evenly spaced over the trace, and reports the range. It knows nothing of the model beyond the callback.
import type { Trace } from './parse.ts';

export interface SweepOutcome {
  migrationTimeS: number;
  downtimeS: number;
}

export interface StartSweepPoint<R extends SweepOutcome> {
  /** Trace time at which this migration started, s. */
  startS: number;
  result: R;
}

export interface Extreme {
  value: number;
  /** The (earliest) start time that gave it, s. */
  atS: number;
}

export interface SweepRange {
  min: Extreme;
  max: Extreme;
  mean: number;
}

export interface StartSweep<R extends SweepOutcome> {
  points: StartSweepPoint<R>[];
  migrationTimeS: SweepRange;
  downtimeS: SweepRange;
}

/**
 * The start times of a sweep: every row time of the trace (its end included) when there are at most
 * `samples` of them, else `samples` evenly spaced times from 0 to the trace's end, both included.
 */
export function sweepStarts(trace: Trace, samples = 200): number[] {
  if (!Number.isInteger(samples) || samples < 1) throw new RangeError(`startTimeSweep: samples ${samples} is not a whole number >= 1`);
  if (trace.times.length <= samples) return Array.from(trace.times);
  if (samples === 1) return [0];
  return Array.from({ length: samples }, (_, k) => (k === samples - 1 ? trace.endS : (trace.endS * k) / (samples - 1)));
}

function rangeOf(values: number[], starts: number[]): SweepRange {
  let lo = 0;
  let hi = 0;
  let sum = 0;
  values.forEach((v, k) => {
    if (v < values[lo]) lo = k;
    if (v > values[hi]) hi = k;
    sum += v;
  });
  return { min: { value: values[lo], atS: starts[lo] }, max: { value: values[hi], atS: starts[hi] }, mean: sum / values.length };
}

/** Runs `runAt(startS)` at each start of sweepStarts(trace, samples) and reports each result and the range. */
export function startTimeSweep<R extends SweepOutcome>(trace: Trace, runAt: (startS: number) => R, samples = 200): StartSweep<R> {
  const starts = sweepStarts(trace, samples);
  const points = starts.map((startS) => ({ startS, result: runAt(startS) }));
  return {
    points,
    migrationTimeS: rangeOf(points.map((p) => p.result.migrationTimeS), starts),
    downtimeS: rangeOf(points.map((p) => p.result.downtimeS), starts),
  };
}
