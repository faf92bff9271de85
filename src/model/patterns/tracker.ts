// The interface between a migration policy and a dirty pattern: the policy owns the clock, the
// iterations and the stop conditions; the tracker owns the dirty bitmap and to_send. Both are told
// how many writes the guest has made so far (see clock.ts), never the time.

export interface BatchStep {
  sent: number;
  skipped: number;
  /** Walk position after the batch (the page after the last one sent, or the VM's page count). */
  next: number;
}

export interface MergeStep {
  /** Pages written since the last clean or merge (the dirty bitmap's count). */
  dirtied: number;
  /** Pages in to_send after the merge. */
  toSend: number;
}

export interface DirtyTracker {
  /** Pages in the VM. */
  readonly pages: number;
  /**
   * Walks one batch from page `from`. With `peekWrites` (the writes made so far) it first peeks at the
   * bitmap and skips to_send pages that are dirty in it (Xen); with null it sends every to_send page.
   * It stops after `maxSend` sent pages or at the end of memory. The result object may be reused.
   */
  batch(from: number, peekWrites: number | null, maxSend: number): BatchStep;
  /** Sets to_send to the pages written since the last clean, clears the bitmap, returns their count. */
  clean(writes: number): number;
  /**
   * QEMU's mid-pass sync: to_send becomes its unsent rest (its pages from `from` on) plus the pages
   * written since the last clean or merge; the bitmap is cleared. The result object may be reused.
   */
  merge(from: number, writes: number): MergeStep;
}
