// The slow, page-by-page tracker: real bitmaps and every write made, page by page. It is the reference
// the fast trackers are tested against and the engine for page-exact runs of the random patterns
// (CLI --exact). Memory and time grow with the page count and the number of writes, so it refuses
// scenarios past its limits instead of running for hours.
import type { BatchStep, DirtyTracker, MergeStep } from '../patterns/tracker.ts';
import type { Writer } from './writers.ts';

export const EXACT_LIMITS = { maxPages: 2 ** 25, maxWrites: 5e8 };

export class ExactLimitError extends Error {}

export class BitmapTracker implements DirtyTracker {
  private toSend: Uint8Array;
  private dirty: Uint8Array;
  private dirtyCount = 0;
  private applied = 0;
  private writesLeft: number;

  constructor(
    readonly pages: number,
    private readonly writer: Writer,
    limits = EXACT_LIMITS,
  ) {
    if (pages > limits.maxPages) throw new ExactLimitError(`a page-exact run takes at most ${limits.maxPages} pages; this VM has ${pages}`);
    this.toSend = new Uint8Array(pages).fill(1);
    this.dirty = new Uint8Array(pages);
    this.writesLeft = limits.maxWrites;
  }

  /** Applies the guest's writes up to `writes` to the dirty bitmap. */
  private catchUp(writes: number): void {
    let k = this.writer.stateless ? Math.max(this.applied, writes - this.pages) : this.applied;
    this.writesLeft -= writes - k;
    if (this.writesLeft < 0) throw new ExactLimitError(`a page-exact run makes at most ${EXACT_LIMITS.maxWrites} writes`);
    for (; k < writes; k++) {
      const page = this.writer.page(k);
      if (!this.dirty[page]) {
        this.dirty[page] = 1;
        this.dirtyCount++;
      }
    }
    this.applied = Math.max(this.applied, writes);
  }

  batch(from: number, peekWrites: number | null, maxSend: number): BatchStep {
    if (peekWrites !== null) this.catchUp(peekWrites); // the peek: the bitmap as the batch is prepared
    let sent = 0;
    let skipped = 0;
    let n = from;
    for (; sent < maxSend && n < this.pages; n++) {
      if (!this.toSend[n]) continue;
      if (peekWrites !== null && this.dirty[n]) skipped++;
      else sent++;
    }
    return { sent, skipped, next: n };
  }

  clean(writes: number): number {
    this.catchUp(writes);
    [this.toSend, this.dirty] = [this.dirty, this.toSend.fill(0)];
    const count = this.dirtyCount;
    this.dirtyCount = 0;
    return count;
  }

  merge(from: number, writes: number): MergeStep {
    this.catchUp(writes);
    const { toSend, dirty } = this;
    toSend.fill(0, 0, Math.max(0, Math.min(this.pages, Math.ceil(from))));
    let count = 0;
    for (let n = 0; n < this.pages; n++) {
      toSend[n] |= dirty[n];
      count += toSend[n];
    }
    dirty.fill(0);
    const dirtied = this.dirtyCount;
    this.dirtyCount = 0;
    return { dirtied, toSend: count };
  }
}
