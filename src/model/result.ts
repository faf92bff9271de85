// What a simulated migration reports.

/** Why pre-copy ended (Akoush Section II-C, in the order the paper lists them). */
export type StopReason = 'few-dirty-pages' | 'max-iterations' | 'max-data-factor';

export const STOP_REASON_TEXT: Record<StopReason, string> = {
  'few-dirty-pages': 'few pages left to send',
  'max-iterations': 'iteration limit reached',
  'max-data-factor': 'sent more than the data limit (3x VM)',
};

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
}
