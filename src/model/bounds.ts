// Akoush et al. Eq. 3 and 4: the range every Xen migration's time and downtime must lie in (at the
// rate pages actually go out, so zero pages and compression move the bounds too).
import type { Scenario } from './scenario.ts';
import { sendPagesPerSecond } from './transfer.ts';
import { pagesOf } from './units.ts';

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
  const link = sendPagesPerSecond(s);
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
