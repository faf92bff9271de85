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
  /**
   * Optional fast path for a peeking pass (Xen), used when nothing observes the run: how many whole
   * batches from `from` on can be taken at once, and what they send and skip. `peekWritesAt(k)` is the
   * writes made before batch k (k = 0, 1, …) if every batch sends exactly `batch` pages; `writesPerBatch`
   * is a lower bound on the writes made during one batch (0 when unknown). It must answer exactly what
   * `batches` calls of batch(…, peekWritesAt(k), batch) would, or 0 batches. A policy that steps a pass
   * in other units (QEMU's rate-limit periods) can use it the same way with its own peekWritesAt.
   */
  walkAhead?(from: number, batch: number, peekWritesAt: (k: number) => number, writesPerBatch: number): WalkAhead;
  /**
   * Optional fast path for post-copy's push (policies/postcopy.ts), used when nothing observes the run:
   * how many whole steps from `from` on each push `batch` missing pages in a row with no remote fault
   * (the guest touches no missing page ahead of the push), stopping short of the end of to_send's run
   * and of the working set. `writesAt(k)` is the writes before step k if every step pushes `batch`
   * pages; `writesPerBatch` as for walkAhead. `sent` is batches * batch, `skipped` 0.
   */
  pushAhead?(from: number, batch: number, writesAt: (k: number) => number, writesPerBatch: number): WalkAhead;
  /**
   * Optional fast path for post-copy's push, used when nothing observes the run: the steps from `from`
   * on while the guest's touches run ahead of the push in one stretch, so each step skips to their head,
   * pushes `batch` pages after it and faults the pages the guest touches beyond them. `moved` is the pages
   * moved so far and `writesAt(m)` the writes made by the time m pages have moved; `writes` the writes
   * at the step's start. It must answer exactly what the steps one by one would (policies/postcopy.ts).
   */
  pushChase?(from: number, writes: number, batch: number, moved: number, writesAt: (moved: number) => number): PushChase;
  /**
   * Optional fast path for post-copy's push over expected values (patterns/expected.ts): the push from
   * `from` to near the end of the region it is in, taken as a flow in closed form instead of steps,
   * when the writer is constant (`writesPerPage` writes per page moved, `writes` made so far) and
   * slower than the push (under one fault per page moved). It leaves `leave` missing pages of the
   * region to the ordinary steps. `lag` is the faults of the last step (pages moved whose writes are
   * not yet counted). `moved` is 0 when it does not apply.
   */
  pushFlow?(from: number, writes: number, writesPerPage: number, leave: number, lag: number): PushFlow;
}

/** What DirtyTracker.pushChase did: `steps` push steps (0: none), their pushed and faulted pages. */
export interface PushChase {
  steps: number;
  pushed: number;
  faults: number;
  /** The push pointer and the guest's writes after the last step. */
  next: number;
  writes: number;
}

/** What DirtyTracker.pushFlow moved: `moved` pages in all (0: nothing taken), `faults` of them fetched. */
export interface PushFlow {
  moved: number;
  faults: number;
  /** The push pointer after it. */
  next: number;
}

export interface WalkAhead {
  batches: number;
  sent: number;
  skipped: number;
  next: number;
}
