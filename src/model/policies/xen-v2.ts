// Xen migration v2 (xc_sr_save.c with simple_precopy_policy): whole passes over the dirty pages with
// no peeking or skipping, and no data cap. After each live round the bitmap is read; the stop-and-copy
// follows when fewer than `minDirtyPages` (50) pages are dirty or after 5 live rounds.
import type { RunResult } from '../result.ts';
import type { Run } from './run.ts';

/** SPP_MAX_ITERATIONS in Xen's simple_precopy_policy. */
export const XEN_V2_MAX_ROUNDS = 5;

export function runXenV2(run: Run): RunResult {
  for (;;) {
    const round = run.pass(false);
    const dirty = run.clean(round);
    const reason = dirty < run.s.minDirtyPages ? 'few-dirty-pages' : round.iteration >= XEN_V2_MAX_ROUNDS ? 'max-iterations' : null;
    run.observer?.decide(round, reason);
    if (reason) return run.finish(reason);
  }
}
