// The rate that actually moves the data and what decides it: the link's goodput, QEMU's max-bandwidth
// cap (the live iterations; the stop-and-copy runs at the link's goodput), fewer bytes a page from zero
// pages and compression, or the compressor's own throughput. The summary and the link control show it
// whenever it is not simply the link, so a hidden setting never decides a result unseen.
import type { Scenario } from './scenario.ts';
import { wireBytesPerPage } from './transfer.ts';
import { MIB } from './units.ts';
import { formatBitRate, formatMiBps, formatPagesPerSecond, formatTimes } from './words/format.ts';

export type RateLimiter = 'link' | 'cap' | 'compressor';

export interface EffectiveRate {
  linkMbps: number;
  /** QEMU's max-bandwidth as Mbit/s; null for the other policies (they have no cap). */
  capMbps: number | null;
  /** The cap is below the link, so it, not the link, sets the live iterations' rate. */
  capped: boolean;
  /** Bits per second on the wire during the live iterations, Mbit/s. */
  wireMbps: number;
  /** Pages per second sent during the live iterations. */
  pagesPerSecond: number;
  /** Memory moved per second (page size x pages/s), Mbit/s: above the wire rate with zero pages or compression. */
  memoryMbps: number;
  /** What sets pagesPerSecond. */
  limiter: RateLimiter;
  /** Zero pages or compression make a page smaller on the wire. */
  smallerPages: boolean;
  /** The effective rate differs from the link's goodput (so it must be shown). */
  differs: boolean;
}

/** The max-bandwidth cap in Mbit/s: 128 MiB/s -> 1073.74. */
export function capMbps(maxBandwidthMiBps: number): number {
  return (maxBandwidthMiBps * MIB * 8) / 1e6;
}

/** The smallest whole MiB/s cap that no longer limits a link of `linkMbps`: the "lift the cap" value. */
export function liftedCapMiBps(linkMbps: number): number {
  return Math.ceil((linkMbps * 1e6) / 8 / MIB);
}

export function effectiveRate(s: Scenario): EffectiveRate {
  const cap = s.policy === 'qemu' ? capMbps(s.maxBandwidthMiBps) : null;
  const capped = cap !== null && cap < s.linkMbps;
  const wireMbps = capped ? cap : s.linkMbps;
  const bytesPerPage = wireBytesPerPage(s);
  const wirePps = (wireMbps * 1e6) / 8 / bytesPerPage;
  const nonZeroBytes = (1 - s.zeroFraction) * s.pageBytes;
  const compressorPps = s.compressMbps === null || nonZeroBytes === 0 ? Infinity : (s.compressMbps * 1e6) / 8 / nonZeroBytes;
  const pagesPerSecond = Math.min(wirePps, compressorPps);
  const limiter: RateLimiter = compressorPps < wirePps ? 'compressor' : capped ? 'cap' : 'link';
  const memoryMbps = (pagesPerSecond * s.pageBytes * 8) / 1e6;
  const smallerPages = s.zeroFraction > 0 || s.compressionRatio > 1;
  return { linkMbps: s.linkMbps, capMbps: cap, capped, wireMbps, pagesPerSecond, memoryMbps, limiter, smallerPages, differs: limiter !== 'link' || smallerPages };
}

/**
 * What limits the rate, in one or two sentences; null when the link alone decides it.
 * "QEMU sends at most 128 MiB/s = 1.07 Gbit/s during the live iterations; the link is 7.12 Gbit/s."
 */
export function effectiveRateText(s: Scenario, e: EffectiveRate = effectiveRate(s)): string | null {
  if (!e.differs) return null;
  const parts: string[] = [];
  const link = formatBitRate(e.linkMbps);
  if (e.limiter === 'cap' || (e.capped && e.limiter === 'compressor')) {
    parts.push(`QEMU sends at most ${formatMiBps(s.maxBandwidthMiBps)} = ${formatBitRate(e.capMbps!)} during the live iterations (its max-bandwidth); the link is ${link}.`);
  }
  if (e.limiter === 'compressor') {
    parts.push(`The compressor reads only ${formatBitRate(s.compressMbps!)} of page data: it limits the rate, not the ${e.capped ? 'cap' : `${link} link`}.`);
  }
  if (e.smallerPages) {
    const why = [s.zeroFraction > 0 ? 'zero pages' : '', s.compressionRatio > 1 ? `${formatTimes(s.compressionRatio)} compression` : ''].filter(Boolean).join(' and ');
    parts.push(`With ${why}, ${formatBitRate(e.limiter === 'compressor' ? s.compressMbps! : e.wireMbps)} ${e.limiter === 'compressor' ? 'of compressor input' : 'on the wire'} moves ${formatBitRate(e.memoryMbps)} of memory.`);
  }
  parts.push(`Pages go out at ${formatPagesPerSecond(e.pagesPerSecond)}.`);
  return parts.join(' ');
}

/** The headline of the effective rate: "1.07 Gbit/s (QEMU's cap)". */
export function effectiveRateHeadline(e: EffectiveRate): string {
  const who = e.limiter === 'cap' ? "QEMU's max-bandwidth cap" : e.limiter === 'compressor' ? 'the compressor' : 'the link';
  return `${formatBitRate(e.memoryMbps)} of memory, set by ${who}`;
}

/**
 * For the curves drawn on several links: when QEMU is among the drawn policies and its cap is below some
 * of the links, say that QEMU's curves for those links coincide (or nearly), and why. Null otherwise.
 */
export function capCurvesText(s: Scenario, linksMbps: readonly number[], qemuDrawn: boolean): string | null {
  if (!qemuDrawn) return null;
  const cap = capMbps(s.maxBandwidthMiBps);
  const above = [...new Set(linksMbps)].filter((l) => l > cap).sort((a, b) => a - b);
  if (above.length === 0) return null;
  const links = above.map(formatBitRate);
  const list = links.length > 1 ? `${links.slice(0, -1).join(', ')} and ${links[links.length - 1]} links` : `${links[0]} link`;
  return (
    `QEMU's max-bandwidth, ${formatMiBps(s.maxBandwidthMiBps)} (${formatBitRate(cap)}), is below the ${list}: its live iterations run at the cap there, ` +
    `so its curves for links from ${formatBitRate(cap)} up coincide. A faster link helps QEMU only once the cap is raised.`
  );
}
