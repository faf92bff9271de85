// What the curves chart needs computed: which links, which rates, in which order. Pure.
import { LINK_PRESETS, logSpace, type Scenario, type SweepPoint } from '../../model/index.ts';
import type { CurveSeries } from '../charts/types.ts';
import { formatMbps } from '../charts/format.ts';

/** 20 rates a decade from 100 to 1,000,000 pages/s. */
export const SWEEP_RATES: readonly number[] = logSpace(100, 1e6, 81);

export interface CurveLink {
  linkMbps: number;
  label: string;
  current: boolean;
}

/** Akoush's three links, plus the scenario's own when it is none of them. */
export function curveLinks(currentMbps: number): CurveLink[] {
  const links = LINK_PRESETS.map((p) => ({ linkMbps: p.goodputMbps, label: `${p.label} (${formatMbps(p.goodputMbps)})`, current: p.goodputMbps === currentMbps }));
  if (!links.some((l) => l.current)) links.push({ linkMbps: currentMbps, label: `Current link (${formatMbps(currentMbps)})`, current: true });
  return links;
}

/** Everything but the rate and the link shapes a curve; scenarios with the same key share curves. */
export function sweepKey(s: Scenario): string {
  const { dirtyRate: _rate, linkMbps: _link, ...rest } = s;
  return JSON.stringify(rest);
}

/** Indices 0..n-1, coarse first: every 8th, then the 4ths, 2nds and the rest, so a curve's shape shows early. */
export function coarseFirst(n: number): number[] {
  const order: number[] = [];
  const seen = new Set<number>();
  for (const stride of [8, 4, 2, 1]) {
    for (let i = 0; i < n; i += stride) {
      if (!seen.has(i)) {
        seen.add(i);
        order.push(i);
      }
    }
  }
  if (!seen.has(n - 1)) order.splice(1, 0, n - 1); // the right end early too
  return order;
}

/** The series as the chart takes them: points sorted by rate, possibly partial. */
export function toSeries(links: readonly CurveLink[], points: (link: number) => readonly (SweepPoint | undefined)[]): CurveSeries[] {
  return links.map((l) => ({
    linkMbps: l.linkMbps,
    label: l.label,
    current: l.current,
    points: points(l.linkMbps).filter((p): p is SweepPoint => p !== undefined),
  }));
}
