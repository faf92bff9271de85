// How fast pages go out: the link's goodput (capped by QEMU's max-bandwidth), fewer bytes for zero and
// compressed pages, and the compressor's own throughput where it is the bottleneck.
import type { Scenario } from './scenario.ts';
import { MIB, linkPagesPerSecond } from './units.ts';

/** Bytes a zero page takes on the wire (a page header with a "zero" flag). */
export const ZERO_PAGE_BYTES = 8;

/** Goodput the migration may use, Mbit/s. */
export function wireMbps(s: Scenario): number {
  return s.policy === 'qemu' ? Math.min(s.linkMbps, (s.maxBandwidthMiBps * MIB * 8) / 1e6) : s.linkMbps;
}

/** Average bytes one page takes on the wire. */
export function wireBytesPerPage(s: Scenario): number {
  return s.zeroFraction * ZERO_PAGE_BYTES + ((1 - s.zeroFraction) * s.pageBytes) / s.compressionRatio;
}

/** Pages per second the migration sends. */
export function sendPagesPerSecond(s: Scenario): number {
  const mbps = wireMbps(s);
  if (s.zeroFraction === 0 && s.compressionRatio === 1 && s.compressMbps === null) return linkPagesPerSecond(mbps, s.pageBytes);
  const wire = (mbps * 1e6) / 8 / wireBytesPerPage(s);
  const nonZeroBytes = (1 - s.zeroFraction) * s.pageBytes;
  const compressor = s.compressMbps === null || nonZeroBytes === 0 ? Infinity : (s.compressMbps * 1e6) / 8 / nonZeroBytes;
  return Math.min(wire, compressor);
}

/** Page writes per second while the guest runs unthrottled (the vCPU limit slows the writer). */
export function guestWriteRate(s: Scenario): number {
  return s.dirtyRate * s.vcpuLimit;
}
