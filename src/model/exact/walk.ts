// The slow, page-by-page Xen walk over real bitmaps, a direct reading of Akoush Algorithm 1 with the
// semantics of MODEL.md. It is the reference the fast path is tested against, and the engine for
// page-exact runs of the random patterns (CLI --exact). Memory and time grow with the page count and
// the number of writes, so it refuses scenarios past its limits instead of running for hours.
import { xenStopReason } from '../policies/xen.ts';
import { writesBy } from '../patterns/tracker.ts';
import type { IterationRecord, RunResult, StopReason } from '../result.ts';
import type { Scenario } from '../scenario.ts';
import { BATCH_PAGES, linkPagesPerSecond, pagesOf } from '../units.ts';
import { writerFor } from './writers.ts';

export const EXACT_LIMITS = { maxPages: 2 ** 25, maxWrites: 5e8 };

export class ExactLimitError extends Error {}

export function simulateExact(s: Scenario, limits = EXACT_LIMITS): RunResult {
  const pages = pagesOf(s.vmMiB, s.pageBytes);
  if (pages > limits.maxPages) {
    throw new ExactLimitError(`a page-exact run takes at most ${limits.maxPages} pages; this VM has ${pages}`);
  }
  const link = linkPagesPerSecond(s.linkMbps, s.pageBytes);
  const writer = writerFor(s);
  let toSend = new Uint8Array(pages).fill(1);
  let dirty = new Uint8Array(pages);
  let dirtyCount = 0;
  let applied = 0;
  let writesLeft = limits.maxWrites;

  /** Applies the guest's writes up to time t to the dirty bitmap. */
  const catchUp = (t: number) => {
    const target = writesBy(s.dirtyRate, t);
    let k = writer.stateless ? Math.max(applied, target - pages) : applied;
    writesLeft -= target - k;
    if (writesLeft < 0) throw new ExactLimitError(`a page-exact run makes at most ${limits.maxWrites} writes`);
    for (; k < target; k++) {
      const page = writer.page(k);
      if (!dirty[page]) {
        dirty[page] = 1;
        dirtyCount++;
      }
    }
    applied = Math.max(applied, target);
  };

  const perIteration: IterationRecord[] = [];
  let t = 0;
  let totalSent = 0;
  let stopReason: StopReason | null = null;
  for (let iteration = 1; ; iteration++) {
    const final = stopReason !== null;
    const start = t;
    let sent = 0;
    let skipped = 0;
    if (final) {
      for (let n = 0; n < pages; n++) sent += toSend[n];
      t += sent / link;
    } else {
      for (let n = 0; n < pages; ) {
        catchUp(t); // the peek: the bitmap as it stands when the batch is prepared
        let batch = 0;
        for (; batch < BATCH_PAGES && n < pages; n++) {
          if (!toSend[n]) continue;
          if (dirty[n]) skipped++;
          else batch++;
        }
        sent += batch;
        t += batch / link;
      }
    }
    totalSent += sent;
    const record = { iteration, startS: s.preS + start, endS: s.preS + t, pagesSent: sent, pagesSkipped: skipped, pagesDirtied: 0, final };
    perIteration.push(record);
    if (final) {
      return { migrationTimeS: s.preS + t + s.postS, downtimeS: t - start + s.postS, iterations: iteration, pagesSent: totalSent, stopReason: stopReason!, perIteration };
    }
    stopReason = xenStopReason(s, iteration, sent, skipped, totalSent, pages);
    catchUp(t); // the clean: to_send becomes the bitmap, which starts empty again
    [toSend, dirty] = [dirty, toSend.fill(0)];
    record.pagesDirtied = dirtyCount;
    dirtyCount = 0;
  }
}
