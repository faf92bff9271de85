// The `uniform` and `hotcold` patterns, fast path: instead of drawing each write, the tracker follows
// the expected state. Within a region every page is hit by a write with the same chance, so after m
// writes a page is dirty with probability q = 1 - (1 - hitChance)^m, independently of whether it is in
// to_send (to_send came from writes of an earlier, disjoint time span). A batch walks the regions with
// to_send density d and peek probability q: per page walked it sends d(1-q) and skips dq on average.
// Counts are therefore expectations (fractional); the result rounds them. docs/MODEL-NOTES.md says how
// close this is to page-exact runs with real random writes, and tests/expected-vs-exact checks it.
import type { Region } from './regions.ts';
import type { BatchStep, DirtyTracker, MergeStep } from './tracker.ts';

export class ExpectedTracker implements DirtyTracker {
  /** Fraction of each region's pages that are in to_send. */
  private density: Float64Array;
  private logMiss: Float64Array;
  /** The pattern's regions; QEMU's merges may split one at the walk's position (same hit chance). */
  private regions: readonly Region[];
  private readonly step: BatchStep = { sent: 0, skipped: 0, next: 0 };
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
