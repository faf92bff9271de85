// The `sequential` pattern: write k hits page k mod W, as Akoush's micro-benchmark does. Every set
// this pattern makes (to_send, a peek) is a circular run of pages, so the tracker keeps them as at
// most two intervals and walks a batch with interval arithmetic instead of page by page. The result
// is exactly the page-by-page walk's (tests/oracle compares them).
import type { BatchStep, DirtyTracker, MergeStep } from './tracker.ts';

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
