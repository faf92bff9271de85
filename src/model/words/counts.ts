// The one vocabulary of counts (docs/TEACHING.md, "Counting"): an iteration is one round of copying
// memory, numbered from 1, and the reported count INCLUDES the last one. The live iterations are all but
// the last (the guest runs and dirties pages during them); the last is the stop-and-copy, with the guest
// paused. In post-copy the last paused record is the switch-over (state only), followed by the post-copy
// phase. The summary, the timeline, the per-iteration chart, the narration, the lessons and the exports
// all take their counts and their words from here.
import type { RunResult } from '../result.ts';
import { formatCount } from './format.ts';

export interface RunCounts {
  /** Every iteration record: the reported count (= RunResult.iterations). */
  iterations: number;
  /** Iterations with the guest running at the source. */
  live: number;
  /** The paused record: 'stop-and-copy' (pre-copy) or 'switch-over' (post-copy: state only). */
  last: 'stop-and-copy' | 'switch-over';
  /** Post-copy: the phase after the switch-over (one record). */
  postcopyPhase: boolean;
}

export function runCounts(r: Pick<RunResult, 'perIteration'>): RunCounts {
  const its = r.perIteration;
  const postcopyPhase = its.some((it) => it.phase === 'postcopy');
  return {
    iterations: its.length,
    live: its.filter((it) => !it.final && it.phase !== 'postcopy').length,
    last: postcopyPhase ? 'switch-over' : 'stop-and-copy',
    postcopyPhase,
  };
}

/**
 * The same counts from the policy and the reported count alone (for a replay event that carries only the
 * count): post-copy and hybrid end with the switch-over and the post-copy phase, pre-copy with the stop-and-copy.
 */
export function countsFor(policy: string, iterations: number): RunCounts {
  const postcopy = policy === 'postcopy' || policy === 'hybrid';
  return { iterations, live: Math.max(0, iterations - (postcopy ? 2 : 1)), last: postcopy ? 'switch-over' : 'stop-and-copy', postcopyPhase: postcopy };
}

/** "9 live iterations", "1 live iteration". */
export function liveText(live: number): string {
  return `${formatCount(live)} live iteration${live === 1 ? '' : 's'}`;
}

/** "9 iterations", "1 iteration". */
export function iterationsText(n: number): string {
  return `${formatCount(n)} iteration${n === 1 ? '' : 's'}`;
}

/**
 * The counts in words, one sentence part: "3 iterations: 2 live and the stop-and-copy";
 * post-copy "2 iterations: the switch-over and the post-copy phase";
 * hybrid "3 iterations: 1 live, the switch-over and the post-copy phase".
 */
export function countsText(c: RunCounts): string {
  const parts = [c.live > 0 ? `${formatCount(c.live)} live` : '', `the ${c.last}`, c.postcopyPhase ? 'the post-copy phase' : ''].filter(Boolean);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
  return `${iterationsText(c.iterations)}: ${list}`;
}

/** The breakdown alone, for beside a bare count: "2 live + stop-and-copy". */
export function countsBreakdown(c: RunCounts): string {
  return [c.live > 0 ? `${formatCount(c.live)} live` : '', c.last, c.postcopyPhase ? 'post-copy phase' : ''].filter(Boolean).join(' + ');
}
