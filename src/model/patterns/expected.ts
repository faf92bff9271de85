// The `uniform` and `hotcold` patterns, fast path: instead of drawing each write, the tracker follows
// the expected state. Within a region every page is hit by a write with the same chance, so after m
// writes a page is dirty with probability q = 1 - (1 - hitChance)^m, independently of whether it is in
// to_send (to_send came from writes of an earlier, disjoint time span). A batch walks the regions with
// to_send density d and peek probability q: per page walked it sends d(1-q) and skips dq on average.
// Counts are therefore expectations (fractional); the result rounds them. docs/MODEL-NOTES.md says how
// close this is to page-exact runs with real random writes, and tests/expected-vs-exact checks it.
import type { Region } from './regions.ts';
import { BATCH_PAGES } from '../units.ts';
import type { BatchStep, DirtyTracker, MergeStep, PushFlow, WalkAhead } from './tracker.ts';

/**
 * walkAhead works only in regions of more than this many batches' pages, so every VM up to 16 GiB is
 * walked one batch at a time and its results stay those of the batch-by-batch walk to the bit.
 */
export const EXPECTED_WALK_AHEAD_MIN_BATCHES = 4096;

/**
 * pushFlow takes a push only while the guest faults fewer than this many pages per page moved: nearer
 * 1, the step-by-step push lags the flow by more steps (a step's faults are fetched before the writes
 * made meanwhile are counted), and above 1 the steps' faults grow from step to step, which no flow has.
 */
export const PUSH_FLOW_MAX_FAULT_RATE = 0.98;

/** x + expm1(-x) = x^2/2 - x^3/6 + …, without the cancellation of the plain sum for small x. */
function excess(x: number): number {
  return x < 1e-4 ? x * x * (0.5 - x / 6) : x + Math.expm1(-x);
}

export class ExpectedTracker implements DirtyTracker {
  /** Fraction of each region's pages that are in to_send. */
  private density: Float64Array;
  private logMiss: Float64Array;
  /** The pattern's regions; QEMU's merges may split one at the walk's position (same hit chance). */
  private regions: readonly Region[];
  private readonly step: BatchStep = { sent: 0, skipped: 0, next: 0 };
  private readonly ahead: WalkAhead = { batches: 0, sent: 0, skipped: 0, next: 0 };
  private readonly flow: PushFlow = { moved: 0, faults: 0, next: 0 };
  /** pushFlow's scratch: the later regions' missing pages and decay rates. */
  private la = new Float64Array(4);
  private k = new Float64Array(4);
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

  /**
   * Post-copy's push through most of one region as a flow (see DirtyTracker.pushFlow). With s pages
   * moved since `from` and c writes per page moved, a page of region i is still missing with
   * probability a_i(s) = A_i e^(-k_i s), k_i = -log(1 - hitChance_i) c. What is still missing ahead of
   * the pointer in region j is what was missing there, less what moved, plus the faults from the
   * regions after it (their missing pages only decay): G(s) = G0 - s + sum_i L_i A_i (1 - e^(-k_i s)).
   * The pointer is y = G(s) / a_j(s) pages short of the region's end, and the faults inside the region
   * are k_j times the integral of G, also in closed form. The step-by-step push is the same flow in
   * steps of 1024 pushed pages; it differs from it by a few steps' worth of faults (MODEL-NOTES).
   */
  pushFlow(from: number, writes: number, writesPerPage: number, leave: number, lag: number): PushFlow {
    const out = this.flow;
    out.moved = 0;
    out.faults = 0;
    out.next = from;
    let j = 0;
    while (j < this.regions.length && this.regions[j].hi <= from) j++;
    const w = writes - this.cleanWrites;
    if (j === this.regions.length || !(writesPerPage >= 0) || !(w >= 0)) return out;
    const { lo, hi } = this.regions[j];
    if (hi - lo <= EXPECTED_WALK_AHEAD_MIN_BATCHES * BATCH_PAGES) return out;
    const aj = this.density[j] * Math.exp(this.logMiss[j] * w);
    const kj = -this.logMiss[j] * writesPerPage;
    const y0 = hi - Math.max(lo, from);
    const g0 = y0 * aj;
    if (!(g0 > 2 * leave)) return out;
    // The later regions: their missing pages L_i A_i and decay rates k_i.
    const n = this.regions.length - j - 1;
    if (this.la.length < n) (this.la = new Float64Array(n)), (this.k = new Float64Array(n));
    const { la, k } = this;
    let faultRate = kj * g0;
    for (let i = 0; i < n; i++) {
      const r = this.regions[j + 1 + i];
      la[i] = (r.hi - r.lo) * this.density[j + 1 + i] * Math.exp(this.logMiss[j + 1 + i] * w);
      k[i] = -this.logMiss[j + 1 + i] * writesPerPage;
      faultRate += la[i] * k[i];
    }
    // The steps fetch a step's faults before they count the writes made meanwhile, so they run `lag`
    // pages behind the flow; at a steady fault rate f that is f / (1 - f) steps' pushes. Right after a
    // burst of faults (a fault rate above 1 that the faults themselves brought down) it is far more, and
    // the flow waits for the steps to work it off, or it would count those writes' faults too late.
    if (!(faultRate < PUSH_FLOW_MAX_FAULT_RATE) || lag > 2 * BATCH_PAGES * (1 + faultRate / (1 - faultRate))) return out;
    // Newton for G(s) = leave: G falls (its slope is the later regions' fault rate less 1, in (-1, 0))
    // and is concave, so the first iterate lands past the root and the others come back to it.
    let s = 0;
    let later = 0; // faults from the later regions by s
    for (let it = 0; it < 60; it++) {
      let slope = -1;
      later = 0;
      for (let i = 0; i < n; i++) {
        const e = Math.exp(-k[i] * s);
        slope += la[i] * k[i] * e;
        later += la[i] * (1 - e);
      }
      const step = (g0 - s + later - leave) / slope;
      s -= step;
      if (Math.abs(step) <= 1e-13 * s) break;
    }
    later = 0;
    for (let i = 0; i < n; i++) later -= la[i] * Math.expm1(-k[i] * s);
    const gs = g0 - s + later;
    const y = (gs / aj) * Math.exp(kj * s);
    if (!(s > 0 && gs >= leave / 2 && y > 0 && y < y0)) return out;
    let integral = g0 * s - (s * s) / 2;
    for (let i = 0; i < n; i++) if (k[i] > 0) integral += (la[i] * excess(k[i] * s)) / k[i];
    out.moved = s;
    out.faults = later + kj * integral;
    out.next = hi - y;
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
