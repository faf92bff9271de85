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

/** Pages per second the migration sends (QEMU: during the live phase, under max-bandwidth). */
export function sendPagesPerSecond(s: Scenario): number {
  return pagesPerSecondAt(s, wireMbps(s));
}

/** Pages per second of the stop-and-copy: QEMU lifts max-bandwidth for it, so it runs at the link's goodput. */
export function stopCopyPagesPerSecond(s: Scenario): number {
  return pagesPerSecondAt(s, s.linkMbps);
}

function pagesPerSecondAt(s: Scenario, mbps: number): number {
  if (s.zeroFraction === 0 && s.compressionRatio === 1 && s.compressMbps === null) return linkPagesPerSecond(mbps, s.pageBytes);
  const wire = (mbps * 1e6) / 8 / wireBytesPerPage(s);
  const nonZeroBytes = (1 - s.zeroFraction) * s.pageBytes;
  const compressor = s.compressMbps === null || nonZeroBytes === 0 ? Infinity : (s.compressMbps * 1e6) / 8 / nonZeroBytes;
  return Math.min(wire, compressor);
}

/**
 * Share of its rate the writer keeps when `cpu` of a vCPU is left to it: it needs `writerCpu` of one,
 * so it is slowed only below that (a writer that sleeps between writes hardly notices a throttle).
 */
export function writerSpeed(s: Pick<Scenario, 'writerCpu'>, cpu: number): number {
  return Math.min(1, cpu / s.writerCpu);
}

/** Page writes per second while the guest runs unthrottled (the vCPU limit may slow the writer). */
export function guestWriteRate(s: Scenario): number {
  return s.dirtyRate * writerSpeed(s, s.vcpuLimit);
}
