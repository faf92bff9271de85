// The data behind Akoush Fig. 1: migration time, downtime and iterations over a range of dirty rates
// for several links.
import type { Scenario } from './scenario.ts';
import { simulate } from './simulate.ts';

export interface SweepPoint {
  linkMbps: number;
  rate: number;
  migrationTimeS: number;
  downtimeS: number;
  iterations: number;
  pagesSent: number;
}

/** `count` rates spaced evenly on a log scale from `min` to `max` (both included). */
export function logSpace(min: number, max: number, count: number): number[] {
  if (count === 1) return [min];
  const step = Math.log(max / min) / (count - 1);
  // Rounded to 12 significant digits so that 10^k comes out as 10^k, not 10000.000000000004.
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? max : Number((min * Math.exp(i * step)).toPrecision(12))));
}

export function sweepPoint(base: Scenario, linkMbps: number, rate: number): SweepPoint {
  const r = simulate({ ...base, linkMbps, dirtyRate: rate });
  return { linkMbps, rate, migrationTimeS: r.migrationTimeS, downtimeS: r.downtimeS, iterations: r.iterations, pagesSent: r.pagesSent };
}

export function sweep(base: Scenario, linksMbps: readonly number[], rates: readonly number[]): SweepPoint[] {
  return linksMbps.flatMap((link) => rates.map((rate) => sweepPoint(base, link, rate)));
}
