// The `uniform` and `hotcold` patterns, fast path: instead of drawing each write, the tracker follows
// the expected state. Within a region every page is hit by a write with the same chance, so after m
// writes a page is dirty with probability q = 1 - (1 - hitChance)^m, independently of whether it is in
// to_send (to_send came from writes of an earlier, disjoint time span). A batch walks the regions with
// to_send density d and peek probability q: per page walked it sends d(1-q) and skips dq on average.
// Counts are therefore expectations (fractional); the result rounds them. docs/MODEL-NOTES.md says how
// close this is to page-exact runs with real random writes, and tests/expected-vs-exact checks it.
import type { Region } from './regions.ts';
import type { BatchStep, DirtyTracker, MergeStep, WalkAhead } from './tracker.ts';

/**
 * walkAhead works only in regions of more than this many batches' pages, so every VM up to 16 GiB is
 * walked one batch at a time and its results stay those of the batch-by-batch walk to the bit.
 */
export const EXPECTED_WALK_AHEAD_MIN_BATCHES = 4096;

export class ExpectedTracker implements DirtyTracker {
  /** Fraction of each region's pages that are in to_send. */
  private density: Float64Array;
  private logMiss: Float64Array;
  /** The pattern's regions; QEMU's merges may split one at the walk's position (same hit chance). */
  private regions: readonly Region[];
  private readonly step: BatchStep = { sent: 0, skipped: 0, next: 0 };
  private readonly ahead: WalkAhead = { batches: 0, sent: 0, skipped: 0, next: 0 };
  private cleanWrites = 0;

  constructor(
    readonly pages: number,
    regions: readonly Region[],
  ) {
    this.regions = regions;
    this.density = new Float64Array(regions.length).fill(1);
    this.logMiss = Float64Array.from(regions, (r) => Math.log1p(-r.hitChance));
  }

  /** Chance that a page of region i was written by `writes` writes. */
  private dirtyChance(i: number, writes: number): number {
    return writes <= 0 ? 0 : -Math.expm1(writes * this.logMiss[i]);
  }

  batch(from: number, peekWrites: number | null, maxSend: number): BatchStep {
    const writes = peekWrites === null ? 0 : peekWrites - this.cleanWrites;
    const step = this.step;
    let need = maxSend;
    step.sent = 0;
    step.skipped = 0;
    for (let i = 0; i < this.regions.length; i++) {
      const { lo, hi } = this.regions[i];
      if (hi <= from) continue;
      const start = Math.max(lo, from);
      const q = this.dirtyChance(i, writes);
      const sendPerPage = this.density[i] * (1 - q);
      const available = (hi - start) * sendPerPage;
      if (sendPerPage > 0 && available >= need) {
        const walked = need / sendPerPage;
        step.sent += need;
        step.skipped += walked * this.density[i] * q;
        step.next = Math.min(hi, start + walked);
        return step;
      }
      step.sent += available;
      step.skipped += (hi - start) * this.density[i] * q;
      need -= available;
    }
    step.next = this.pages;
    return step;
  }

  /**
   * Many batches inside one region in closed form (see DirtyTracker.walkAhead). Batch k sends `batch`
   * pages, skips batch * (u_k - 1) and walks batch * u_k / density, with u_k = 1 / (1 - q_k) =
   * (1 - hitChance)^-w_k for the w_k writes since the clean. With a constant writer w_k grows by
   * `writesPerBatch` a batch, so u_k is geometric and K batches sum in closed form. The one
   * approximation: w_k is taken as w_0 + k * writesPerBatch, without the floor() of whole writes (at
   * most one write per batch, a relative change of hitChance in u_k); hence only in big regions, and
   * a few batches short of the region's end, which the ordinary batches then walk.
   */
  walkAhead(from: number, batch: number, peekWritesAt: (k: number) => number, writesPerBatch: number): WalkAhead {
    const out = this.ahead;
    out.batches = 0;
    let i = 0;
    while (i < this.regions.length && this.regions[i].hi <= from) i++;
    if (i === this.regions.length || !(writesPerBatch > 0 || this.regions[i].hitChance === 0)) return out;
    const { lo, hi } = this.regions[i];
    const start = Math.max(lo, from);
    const density = this.density[i];
    const w0 = peekWritesAt(0) - this.cleanWrites;
    if (!(density > 0) || w0 < 0) return out;
    const mu = -this.logMiss[i] * writesPerBatch; // log of u's growth per batch (0 outside the working set)
    const u0 = Math.exp(-this.logMiss[i] * w0);
    // Largest K with the K batches' walk inside the region: (batch / density) * u0 * sum_{k<K} e^(k mu) <= room.
    const room = ((hi - start) * density) / (batch * u0);
    const fits = mu > 0 ? Math.log1p(room * Math.expm1(mu)) / mu : room;
    const k = Math.floor(fits) - 2; // a margin for rounding; the last batches of the region go one by one
    if (!(k >= 8) || hi - lo <= EXPECTED_WALK_AHEAD_MIN_BATCHES * batch) return out;
    const sum = mu > 0 ? (u0 * Math.expm1(k * mu)) / Math.expm1(mu) : u0 * k;
    out.batches = k;
    out.sent = k * batch;
    out.skipped = batch * (sum - k);
    out.next = Math.min(hi, start + (batch * sum) / density);
    return out;
  }

  clean(writes: number): number {
    let dirtied = 0;
    for (let i = 0; i < this.regions.length; i++) {
      this.density[i] = this.dirtyChance(i, writes - this.cleanWrites);
      dirtied += (this.regions[i].hi - this.regions[i].lo) * this.density[i];
    }
    this.cleanWrites = writes;
    return dirtied;
  }

  merge(from: number, writes: number): MergeStep {
    const regions: Region[] = [];
    const density: number[] = [];
    const logMiss: number[] = [];
    const add = (r: Region, lo: number, hi: number, d: number, miss: number) => {
      if (hi <= lo) return;
      const last = regions.length - 1;
      // Pieces next to each other with the same chances are one region again.
      if (last >= 0 && regions[last].hi === lo && logMiss[last] === miss && density[last] === d) regions[last] = { ...regions[last], hi };
      else {
        regions.push({ lo, hi, hitChance: r.hitChance });
        density.push(d);
        logMiss.push(miss);
      }
    };
    let total = 0;
    let dirtied = 0;
    for (let i = 0; i < this.regions.length; i++) {
      const r = this.regions[i];
      const q = this.dirtyChance(i, writes - this.cleanWrites);
      const d = this.density[i];
      // Before `from` the rest was sent: only new writes are in to_send; from `from` on, either.
      const kept = d + (1 - d) * q;
      dirtied += (r.hi - r.lo) * q;
      add(r, r.lo, Math.min(r.hi, Math.max(r.lo, from)), q, this.logMiss[i]);
      add(r, Math.max(r.lo, Math.min(r.hi, from)), r.hi, kept, this.logMiss[i]);
      total += (Math.min(r.hi, Math.max(r.lo, from)) - r.lo) * q + (r.hi - Math.max(r.lo, Math.min(r.hi, from))) * kept;
    }
    this.regions = regions;
    this.density = Float64Array.from(density);
    this.logMiss = Float64Array.from(logMiss);
    this.cleanWrites = writes;
    return { dirtied, toSend: total };
  }
}
