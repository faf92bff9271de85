// The interface between a migration policy and a dirty pattern: the policy owns the clock, the
// iterations and the stop conditions; the tracker owns the dirty bitmap and to_send.

export interface BatchStep {
  sent: number;
  skipped: number;
  /** Walk position after the batch (the page after the last one sent, or the VM's page count). */
  next: number;
}

export interface DirtyTracker {
  /** Pages in the VM. */
  readonly pages: number;
  /**
   * Walks one batch from page `from` at time `t` (seconds since iteration 1 started). Outside the
   * final iteration it first peeks at the bitmap and skips to_send pages that are dirty in it; it
   * stops after `maxSend` sent pages or at the end of memory. The result object may be reused.
   */
  batch(from: number, t: number, final: boolean, maxSend: number): BatchStep;
  /** Sets to_send to the pages written since the last clean, clears the bitmap, returns their count. */
  clean(t: number): number;
}

/** Writes made by time `t`: the guest makes floor(rate * t) writes from the start of iteration 1. */
export function writesBy(rate: number, t: number): number {
  return Math.floor(rate * t);
}
