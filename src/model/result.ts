// What a simulated migration reports.

/**
 * Why pre-copy ended. Xen: the three conditions of Akoush Section II-C (v2 uses the first two);
 * QEMU: the dirty data fits the downtime limit, or it never did before the timeout.
 */
export type StopReason = 'few-dirty-pages' | 'max-iterations' | 'max-data-factor' | 'within-downtime-limit' | 'no-convergence' | 'postcopy' | 'postcopy-hybrid';

export const STOP_REASONS: readonly StopReason[] = ['few-dirty-pages', 'max-iterations', 'max-data-factor', 'within-downtime-limit', 'no-convergence', 'postcopy', 'postcopy-hybrid'];

export const STOP_REASON_TEXT: Record<StopReason, string> = {
  'few-dirty-pages': 'few pages left to send',
  'max-iterations': 'iteration limit reached',
  'max-data-factor': 'sent more than the data limit (a multiple of the VM)',
  'within-downtime-limit': 'dirty data fits the downtime limit',
  'no-convergence': 'did not converge: switch-over forced at the timeout',
  postcopy: 'post-copy switches over at once',
  'postcopy-hybrid': 'post-copy after one live pre-copy iteration',
};

/** A change of the guest's throttle (QEMU auto-converge). */
export interface ThrottleStep {
  /** Seconds since the migration started. */
  atS: number;
  /** Share of the guest's CPU taken away, 0..0.99. */
  throttle: number;
}

export interface IterationRecord {
  /** 1-based; the last record is the stop-and-copy. */
  iteration: number;
  /** Seconds since the migration started (the pre-migration overhead comes first). */
  startS: number;
  endS: number;
  pagesSent: number;
  /** Pages in to_send that were dirty again when their batch was prepared. */
  pagesSkipped: number;
  /** Pages written while the iteration ran: the dirty bitmap at its clean (0 for the final one). */
  pagesDirtied: number;
  final: boolean;
  /**
   * 'postcopy': the phase after the switch-over, while the guest runs at the destination and memory
   * is pushed and faulted across (pagesSent counts both). In post-copy runs the paused, `final`
   * record (state only, no pages) comes before it.
   */
  phase?: 'postcopy';
}

export interface RunResult {
  migrationTimeS: number;
  downtimeS: number;
  /** Including the final stop-and-copy iteration. */
  iterations: number;
  /** Pages sent in all iterations, the final one included. */
  pagesSent: number;
  stopReason: StopReason;
  perIteration: IterationRecord[];
  /** QEMU auto-converge: each throttle change (absent when the policy never throttles). */
  throttle?: ThrottleStep[];
  /** CPU time the writing vCPU lost to throttling and the vCPU limit while the guest ran, s. */
  guestCpuLostS?: number;
  /**
   * QEMU, no convergence: the downtime its last count of the dirty bitmap needed at the migration
   * bandwidth (what QEMU's expected downtime shows), s.
   */
  requiredDowntimeS?: number;
  /**
   * QEMU: its dirty-sync-count (`info migrate`): the setup sync, one at the end of each pass, the end
   * game's extra syncs and the one at completion (a forced switch-over adds the sync QEMU makes once
   * the paused guest's rest fits, so syncs >= live passes + 2). Iterations count passes; syncs are not passes.
   */
  syncs?: number;
  /** Post-copy: how long the guest ran at the destination before its working set had all arrived, s. */
  degradedS?: number;
  /** Post-copy: pages the guest touched before they arrived, each fetched on demand. */
  remoteFaults?: number;
}
