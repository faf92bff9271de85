// The `sequential` pattern: write k hits page k mod W, as Akoush's micro-benchmark does. Every set
// this pattern makes (to_send, a peek) is a circular run of pages, so the tracker keeps them as at
// most two intervals and walks a batch with interval arithmetic instead of page by page. The result
// is exactly the page-by-page walk's (tests/oracle compares them).
import type { BatchStep, DirtyTracker, MergeStep, PushChase, WalkAhead } from './tracker.ts';

/**
 * Sorted disjoint half-open intervals [lo, hi), flattened: lo0, hi0, lo1, hi1. At most two, except
 * to_send after QEMU's merges (a few more: the unsent rest and the runs written since).
 */
interface Runs {
  n: number;
  at: Float64Array;
}

const newRuns = (): Runs => ({ n: 0, at: new Float64Array(4) });

/** The pages hit by writes a..b-1 of a circular writer over W pages. */
function writtenRuns(out: Runs, a: number, b: number, w: number): Runs {
  const count = b - a;
  if (count <= 0) out.n = 0;
  else if (count >= w) set1(out, 0, w);
  else {
    const start = a % w;
    const end = start + count;
    if (end <= w) set1(out, start, end);
    else {
      out.n = 2;
      out.at[0] = 0;
      out.at[1] = end - w;
      out.at[2] = start;
      out.at[3] = w;
    }
  }
  return out;
}

function set1(out: Runs, lo: number, hi: number): void {
  out.n = 1;
  out.at[0] = lo;
  out.at[1] = hi;
}

function size(r: Runs): number {
  let total = 0;
  for (let i = 0; i < r.n; i++) total += r.at[2 * i + 1] - r.at[2 * i];
  return total;
}

/** Sorted, disjoint union of half-open intervals given as [lo, hi] pairs. */
function unionOf(pairs: number[][]): Runs {
  pairs.sort((a, b) => a[0] - b[0]);
  const merged: number[] = [];
  for (const [lo, hi] of pairs) {
    if (hi <= lo) continue;
    const last = merged.length - 1;
    if (last > 0 && lo <= merged[last]) merged[last] = Math.max(merged[last], hi);
    else merged.push(lo, hi);
  }
  return { n: merged.length / 2, at: Float64Array.from(merged.length ? merged : [0, 0]) };
}

export class SequentialTracker implements DirtyTracker {
  private toSend = newRuns();
  private readonly peek = newRuns();
  private readonly step: BatchStep = { sent: 0, skipped: 0, next: 0 };
  private readonly ahead: WalkAhead = { batches: 0, sent: 0, skipped: 0, next: 0 };
  private readonly chase: PushChase = { steps: 0, pushed: 0, faults: 0, next: 0, writes: 0 };
  private readonly probe = newRuns();
  private cleanWrites = 0;

  constructor(
    readonly pages: number,
    private readonly workingSet: number,
  ) {
    set1(this.toSend, 0, pages);
  }

  batch(from: number, peekWrites: number | null, maxSend: number): BatchStep {
    const peek = peekWrites === null ? ((this.peek.n = 0), this.peek) : writtenRuns(this.peek, this.cleanWrites, peekWrites, this.workingSet);
    const step = this.step;
    let need = maxSend;
    step.sent = 0;
    step.skipped = 0;
    for (let i = 0; i < this.toSend.n; i++) {
      const hi = this.toSend.at[2 * i + 1];
      if (hi <= from) continue;
      let cur = Math.max(this.toSend.at[2 * i], from);
      // Walk [cur, hi): free stretches are sent, stretches inside the peek are skipped.
      for (let j = 0; j < peek.n && cur < hi; j++) {
        const plo = peek.at[2 * j];
        const phi = peek.at[2 * j + 1];
        if (phi <= cur) continue;
        if (plo >= hi) break;
        if (plo > cur) {
          const len = plo - cur;
          if (len >= need) return this.filled(cur, need);
          step.sent += len;
          need -= len;
        }
        const skipEnd = Math.min(phi, hi);
        step.skipped += skipEnd - Math.max(plo, cur);
        cur = skipEnd;
      }
      if (hi > cur) {
        const len = hi - cur;
        if (len >= need) return this.filled(cur, need);
        step.sent += len;
        need -= len;
      }
    }
    step.next = this.pages;
    return step;
  }

  /**
   * Many batches in closed form (see DirtyTracker.walkAhead). These regimes cover a pass's long runs:
   * - clear road: the walk is in a to_send run that the peek has not reached, so each batch sends
   *   `batch` pages and skips none, for as long as the peek (which only grows) stays clear of them, or
   *   for as long as a writer no faster than the walk keeps its head behind it (also when it has
   *   wrapped to page 0 from a start past the run);
   * - chase: a writer faster than the link keeps its head ahead of (or level with) the walk inside one
   *   unwrapped peek run, so each batch skips to the head and sends the `batch` pages after it; the
   *   longer of the two is taken where both hold.
   * Either holds for batches 0..K-1 exactly when it holds with batch K-1's peek (the peek grows with k),
   * so K is found by a doubling then a binary search: O(log K) peeks instead of K batches.
   */
  walkAhead(from: number, batch: number, peekWritesAt: (k: number) => number, writesPerBatch: number): WalkAhead {
    const out = this.ahead;
    out.batches = 0;
    let i = 0;
    while (i < this.toSend.n && this.toSend.at[2 * i + 1] <= from) i++;
    if (i === this.toSend.n) return out;
    const p = Math.max(from, this.toSend.at[2 * i]);
    const hi = this.toSend.at[2 * i + 1];
    const maxK = Math.floor((hi - p) / batch);
    if (maxK < 1) return out;
    const start = this.cleanWrites % this.workingSet;
    // The float error of the clock's sums is a few ulps of the writes so far (about 1e-15 of them);
    // 1e-14 is well above it and still lets writers 10^-6 either side of the link's rate use the regimes.
    const margin = 1e-14 * Math.max(1, peekWritesAt(0));
    const headAt = (k: number): number => {
      const count = peekWritesAt(k) - this.cleanWrites;
      return count < this.workingSet && start + count <= this.workingSet ? start + count : Infinity;
    };
    // The head of a writer that started at `start` >= the run's end and has wrapped to page 0 (-Infinity
    // before it wraps, when all its pages lie past the run).
    const wrappedHeadAt = (k: number): number => {
      const count = peekWritesAt(k) - this.cleanWrites;
      if (count >= this.workingSet) return Infinity;
      return start + count <= this.workingSet ? -Infinity : start + count - this.workingSet;
    };
    let k = 0;
    if (this.clearRoad(p, hi, peekWritesAt(0)) >= batch) {
      k = largest(maxK, (k) => this.clearRoad(p, hi, peekWritesAt(k - 1)) >= k * batch);
      // Behind: a writer no faster than the walk whose head is behind it stays behind (its head moves
      // at most `batch` pages a batch; the margin covers the float error of the clock's sums), so each
      // batch's pages are clear of its own peek, though not of later ones.
      if (k < maxK && writesPerBatch > 0 && writesPerBatch <= batch - margin) {
        if (start <= p && headAt(0) <= p) k = Math.max(k, largest(maxK, (k) => headAt(k - 1) <= p + (k - 1) * batch));
        // Behind after a wrap: the writer started past this run (its pages from `start` on lie beyond
        // it) and wraps to page 0 behind the walk, a pass after one it nearly kept up with.
        else if (hi <= start && wrappedHeadAt(0) <= p) k = Math.max(k, largest(maxK, (k) => wrappedHeadAt(k - 1) <= p + (k - 1) * batch));
      }
    }
    out.batches = k;
    out.sent = k * batch;
    out.skipped = 0;
    out.next = p + k * batch;
    // A chase needs every batch's head to move at least `batch` pages: floor(x + d) >= floor(x) + batch
    // whenever d >= batch, so the writes per batch need only exceed it by the float error (margin). A
    // writer a hair faster than the walk starts level with it (a clear road of one batch at a time)
    // and gains a page now and then: the chase describes those batches too, and goes further.
    if (k === maxK || writesPerBatch < batch + margin) return out;
    const h0 = headAt(0);
    if (!(start <= p && p <= h0 && h0 + batch <= hi)) return out;
    const chase = largest(maxK, (k) => headAt(k - 1) + batch <= hi);
    if (chase <= k) return out;
    out.batches = chase;
    out.sent = chase * batch;
    out.next = headAt(chase - 1) + batch;
    out.skipped = out.next - p - out.sent;
    return out;
  }

  /**
   * Post-copy's push in closed form (see DirtyTracker.pushAhead). A step pushes `batch` missing pages in
   * a row with no fault when the pages the guest has touched by its end meet no to_send page from the
   * push pointer on (a writer whose pages lie outside what is still missing), or when the guest's
   * head is behind the pointer and slower than the push (it cannot catch up within a step). Both hold
   * for steps 0..K-1 when they hold at step K's writes, so K is found as in walkAhead.
   */
  pushAhead(from: number, batch: number, writesAt: (k: number) => number, writesPerBatch: number): WalkAhead {
    const out = this.ahead;
    out.batches = 0;
    out.skipped = 0;
    let i = 0;
    while (i < this.toSend.n && this.toSend.at[2 * i + 1] <= from) i++;
    if (i === this.toSend.n) return out;
    const p = Math.max(from, this.toSend.at[2 * i]);
    // Strictly inside the run and the working set, so that the loop's end and degraded checks stay false.
    const end = Math.min(this.toSend.at[2 * i + 1], this.workingSet);
    const maxK = Math.floor((end - 1 - p) / batch);
    if (maxK < 1) return out;
    const start = this.cleanWrites % this.workingSet;
    const behind = (k: number) => {
      const count = writesAt(k) - this.cleanWrites;
      return count < this.workingSet && start + count <= this.workingSet && start + count <= p + k * batch;
    };
    let ok: ((k: number) => boolean) | null = null;
    if (this.touchedMissesToSend(p, writesAt(1))) ok = (k: number) => this.touchedMissesToSend(p, writesAt(k));
    else if (writesPerBatch <= batch - 2 && start <= p && behind(0) && behind(1)) ok = behind;
    if (!ok) return out;
    const k = largest(maxK, ok);
    out.batches = k;
    out.sent = k * batch;
    out.next = p + k * batch;
    return out;
  }

  /**
   * Post-copy's push with the guest's touches ahead of it (see DirtyTracker.pushChase): while the pages
   * touched since the clean are one unwrapped run [start, head) inside the push's to_send run, with the
   * push pointer p <= head, a step pushes the first `batch` untouched pages from p (before start, then
   * from head on) and the guest's new head h2 faults the pages of [head, h2) past them. Each step is a
   * few sums instead of the tracker's batches; it stops where the touches would leave the to_send run or
   * the working set, wrap, or fall behind the push, and the ordinary steps take over.
   */
  pushChase(from: number, writes: number, batch: number, moved: number, writesAt: (moved: number) => number): PushChase {
    const out = this.chase;
    out.steps = 0;
    out.pushed = 0;
    out.faults = 0;
    out.next = from;
    out.writes = writes;
    let i = 0;
    while (i < this.toSend.n && this.toSend.at[2 * i + 1] <= from) i++;
    if (i === this.toSend.n || this.toSend.at[2 * i] > from) return out;
    const w = this.workingSet;
    const hi = Math.min(this.toSend.at[2 * i + 1], w);
    const start = this.cleanWrites % w;
    let p = from;
    let head = start + (writes - this.cleanWrites);
    if (!(writes - this.cleanWrites < w && head < hi && p <= head)) return out;
    let m = moved;
    for (;;) {
      // The step's push: `batch` pages from p, skipping the touched [start, head).
      const next = p + batch <= start ? p + batch : Math.max(p, head) + batch - Math.max(0, start - p);
      if (!(next < hi)) break;
      const w2 = writesAt(m + batch);
      const h2 = start + (w2 - this.cleanWrites);
      // Still one unwrapped run, short of the run's end and not behind the push.
      if (!(w2 - this.cleanWrites < w && h2 < hi && h2 >= next)) break;
      const faulted = h2 - Math.max(head, next);
      out.steps++;
      out.pushed += batch;
      out.faults += faulted;
      m += batch + faulted;
      p = next;
      head = h2;
      out.writes = w2;
    }
    out.next = p;
    return out;
  }

  /** Whether the pages written by `writes` writes miss every to_send page from p on. */
  private touchedMissesToSend(p: number, writes: number): boolean {
    const touched = writtenRuns(this.probe, this.cleanWrites, writes, this.workingSet);
    for (let j = 0; j < touched.n; j++) {
      const tlo = Math.max(p, touched.at[2 * j]);
      const thi = touched.at[2 * j + 1];
      for (let i = 0; i < this.toSend.n; i++) {
        if (Math.max(tlo, this.toSend.at[2 * i]) < Math.min(thi, this.toSend.at[2 * i + 1])) return false;
      }
    }
    return true;
  }

  /** Pages from p (in a to_send run ending at hi) to the first page of the peek after `writes` writes. */
  private clearRoad(p: number, hi: number, writes: number): number {
    const peek = writtenRuns(this.probe, this.cleanWrites, writes, this.workingSet);
    let end = hi;
    for (let j = 0; j < peek.n; j++) {
      const plo = peek.at[2 * j];
      const phi = peek.at[2 * j + 1];
      if (phi <= p || plo >= end) continue;
      end = Math.max(plo, p);
    }
    return end - p;
  }

  /** The batch filled up `need` pages after `cur`. */
  private filled(cur: number, need: number): BatchStep {
    this.step.sent += need;
    this.step.next = cur + need;
    return this.step;
  }

  clean(writes: number): number {
    if (this.toSend.at.length !== 4) this.toSend = newRuns();
    writtenRuns(this.toSend, this.cleanWrites, writes, this.workingSet);
    this.cleanWrites = writes;
    return size(this.toSend);
  }

  merge(from: number, writes: number): MergeStep {
    const pairs: number[][] = [];
    for (let i = 0; i < this.toSend.n; i++) pairs.push([Math.max(from, this.toSend.at[2 * i]), this.toSend.at[2 * i + 1]]);
    const written = writtenRuns(newRuns(), this.cleanWrites, writes, this.workingSet);
    for (let i = 0; i < written.n; i++) pairs.push([written.at[2 * i], written.at[2 * i + 1]]);
    this.toSend = unionOf(pairs);
    this.cleanWrites = writes;
    return { dirtied: size(written), toSend: size(this.toSend) };
  }
}

/** The largest k in 1..max for which ok(k) holds, given ok(1) and that ok is monotone (true, then false). */
function largest(max: number, ok: (k: number) => boolean): number {
  let good = 1;
  let bad = max + 1;
  for (let step = 1; good < max; step *= 2) {
    const probe = Math.min(max, good + step);
    if (!ok(probe)) {
      bad = probe;
      break;
    }
    good = probe;
  }
  while (bad - good > 1) {
    const mid = Math.floor((good + bad) / 2);
    if (ok(mid)) good = mid;
    else bad = mid;
  }
  return good;
}
