// Akoush et al. Eq. 3 and 4: the range every migration's time and downtime must lie in.
import type { Scenario } from './scenario.ts';
import { linkPagesPerSecond, pagesOf } from './units.ts';

export interface Range {
  lower: number;
  upper: number;
}

export interface Bounds {
  migrationTimeS: Range;
  downtimeS: Range;
}

export function bounds(s: Scenario): Bounds {
  const pages = pagesOf(s.vmMiB, s.pageBytes);
  const link = linkPagesPerSecond(s.linkMbps, s.pageBytes);
  const overheads = s.preS + s.postS;
  return {
    // Upper: 3 VMs before the data cap trips, one more pre-copy pass and a full stop-and-copy.
    migrationTimeS: { lower: overheads + pages / link, upper: overheads + (5 * pages - 1) / link },
    downtimeS: { lower: s.postS, upper: s.postS + pages / link },
  };
}

/** Where `value` sits between the bounds: 0 at the lower, 1 at the upper. */
export function positionInRange(value: number, range: Range): number {
  const span = range.upper - range.lower;
  return span > 0 ? (value - range.lower) / span : 0;
}
