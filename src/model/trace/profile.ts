// A trace as the guest's write profile (HIST model): the writes an unthrottled guest makes during a
// migration whose clock (t = 0 when iteration 1 starts) sits at a given point of the trace. The rate is
// piecewise constant, so the writes up to any time are a prefix sum plus one partial interval: a binary
// search finds the interval, so each call is O(log n). Past the trace's end the last row's rate continues.
import type { RateProfile } from '../clock.ts';
import { writerSpeed } from '../transfer.ts';
import type { Scenario } from '../scenario.ts';
import type { Trace } from './parse.ts';

const PREFIX = new WeakMap<Trace, Float64Array>();

/** prefix[i] = writes from trace time 0 to times[i]. Computed once per trace and cached. */
export function prefixSums(trace: Trace): Float64Array {
  let prefix = PREFIX.get(trace);
  if (!prefix) {
    const { times, rates } = trace;
    prefix = new Float64Array(times.length);
    for (let i = 1; i < times.length; i++) prefix[i] = prefix[i - 1] + rates[i - 1] * (times[i] - times[i - 1]);
    PREFIX.set(trace, prefix);
  }
  return prefix;
}

/** Index of the interval that holds trace time T: the last i with times[i] <= T (0 for T before 0). */
export function intervalAt(trace: Trace, T: number): number {
  const { times } = trace;
  let lo = 0;
  let hi = times.length - 1;
  if (T >= times[hi]) return hi;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (times[mid] <= T) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Writes an unthrottled guest makes from trace time 0 to T (0 for T <= 0); non-decreasing in T. */
export function traceCumulative(trace: Trace, T: number): number {
  if (!(T > 0)) return 0;
  const i = intervalAt(trace, T);
  return prefixSums(trace)[i] + trace.rates[i] * (T - trace.times[i]);
}

/** The dirty rate at trace time T, pages/s (the first row's before 0, the last row's past the end). */
export function traceRateAt(trace: Trace, T: number): number {
  return trace.rates[intervalAt(trace, T)];
}

/** Mean dirty rate over trace times [from, to], pages/s (the rate at `from` when the span is empty). */
export function meanRate(trace: Trace, from: number, to: number): number {
  if (!(to > from)) return traceRateAt(trace, from);
  return (traceCumulative(trace, to) - traceCumulative(trace, from)) / (to - from);
}

/** Highest rate of the trace, pages/s. */
export function peakRate(trace: Trace): number {
  let peak = 0;
  for (const r of trace.rates) if (r > peak) peak = r;
  return peak;
}

/**
 * The writes of a guest that follows the trace from trace time `startS` on: cumulative(t) is `scale` times
 * the writes between trace times startS and startS + t. The clock's t = 0 is the start of iteration 1, so
 * startS is the trace time at which dirty logging starts (see profileForMigration for a migration's
 * start). While the migration stays in the interval it started in, the writes are `rate * scale * t`, the
 * very number the constant-rate profile gives, so a constant trace reproduces a constant-rate run exactly.
 */
export function traceProfile(trace: Trace, startS: number, scale = 1): RateProfile {
  if (!Number.isFinite(startS) || startS < 0) throw new RangeError(`traceProfile: start ${startS} s is not a finite time >= 0`);
  if (!Number.isFinite(scale) || scale < 0) throw new RangeError(`traceProfile: scale ${scale} is not a finite number >= 0`);
  const { times, rates } = trace;
  const prefix = prefixSums(trace);
  const i = intervalAt(trace, startS);
  const firstRate = rates[i] * scale;
  const next = i + 1 < times.length ? times[i + 1] : Infinity;
  // Writes from startS to the end of its interval. If startS + t < next (exactly), then t <= (next - startS)
  // rounded, so the two branches below join without a step down: the profile never decreases.
  const firstPart = next === Infinity ? 0 : firstRate * (next - startS);
  const atNext = next === Infinity ? 0 : prefix[i + 1];
  return {
    cumulative(t: number): number {
      if (!(t > 0)) return 0;
      const end = startS + t;
      if (end < next) return firstRate * t;
      const j = intervalAt(trace, end);
      return firstPart + scale * (prefix[j] + rates[j] * (end - times[j]) - atNext);
    },
  };
}

/**
 * The profile of a migration started at trace time `migrationStartS`: the guest runs through the
 * pre-migration overhead before dirty logging starts, so iteration 1 starts at migrationStartS + preS;
 * the vCPU limit scales the writer as it does a constant rate (transfer.ts guestWriteRate).
 */
export function profileForMigration(trace: Trace, migrationStartS: number, s: Pick<Scenario, 'preS' | 'vcpuLimit'> & Partial<Pick<Scenario, 'writerCpu'>>): RateProfile {
  return traceProfile(trace, migrationStartS + s.preS, writerSpeed({ writerCpu: s.writerCpu ?? 1 }, s.vcpuLimit));
}
