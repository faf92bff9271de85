// Where the writes of the random patterns land: the hot set is the first pages of the working set,
// the cold set the rest of it, and pages past the working set are never written.
import type { Scenario } from '../scenario.ts';
import { pagesOf } from '../units.ts';

export interface Region {
  lo: number;
  hi: number;
  /** Probability that one write hits a given page of this region. */
  hitChance: number;
}

export function workingSetOf(s: Scenario): number {
  const pages = pagesOf(s.vmMiB, s.pageBytes);
  return s.wssPages === null ? pages : Math.min(s.wssPages, pages);
}

/** Size of the hot set: hotFraction of the working set, rounded, at least one page. */
export function hotPagesOf(s: Scenario): number {
  const w = workingSetOf(s);
  return Math.min(w, Math.max(1, Math.round(s.hotFraction * w)));
}

export function regionsOf(s: Scenario): Region[] {
  const pages = pagesOf(s.vmMiB, s.pageBytes);
  const w = workingSetOf(s);
  const regions: Region[] = [];
  if (s.pattern === 'hotcold') {
    const hot = hotPagesOf(s);
    const cold = w - hot;
    // With no cold pages every write is hot, whatever hotShare says.
    const hotShare = cold === 0 ? 1 : s.hotShare;
    regions.push({ lo: 0, hi: hot, hitChance: hotShare / hot });
    if (cold > 0) regions.push({ lo: hot, hi: w, hitChance: (1 - hotShare) / cold });
  } else {
    regions.push({ lo: 0, hi: w, hitChance: 1 / w });
  }
  if (w < pages) regions.push({ lo: w, hi: pages, hitChance: 0 });
  return regions;
}
