// Page-exact writes for the page-by-page walk: which page write number k hits.
import { randomLcg } from 'd3';
import { hotPagesOf, workingSetOf } from '../patterns/regions.ts';
import type { Scenario } from '../scenario.ts';

/** Returns the page hit by each next write, in order (writes must be asked for in sequence). */
export interface Writer {
  /** True when write k's page depends only on k, so writes may be skipped over. */
  readonly stateless: boolean;
  page(k: number): number;
}

export function writerFor(s: Scenario): Writer {
  const w = workingSetOf(s);
  if (s.pattern === 'sequential') return { stateless: true, page: (k) => k % w };
  const random = randomLcg(s.seed / 4_294_967_296);
  if (s.pattern === 'uniform') return { stateless: false, page: () => Math.floor(random() * w) };
  const hot = hotPagesOf(s);
  const cold = w - hot;
  return {
    stateless: false,
    page: () =>
      cold === 0 || random() < s.hotShare ? Math.floor(random() * hot) : hot + Math.floor(random() * cold),
  };
}
