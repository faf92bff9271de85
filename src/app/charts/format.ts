// Number formats shared by the charts' axes, tooltips, tables and text alternatives (d3-format).
// Pure: no DOM, no React, so Vitest runs it in Node.
import { format } from 'd3';
import { dirtyRateMBps } from '../../model/units.ts';
import { formatDuration as sharedDuration } from '../../model/words/format.ts';

const thousands = format(',');
const wholeThousands = format(',.0f');
const threeSig = format(',.3r');
const compactSi = format('~s');
const general = format(',~g');
/** Six significant digits, never an exponent: ticks of a huge VM's migration time read "1,000,000". */
const tickSeconds = format(',~r');

/** A page count with thousands separators: 262144 -> "262,144" (fractions rounded). */
export function formatPages(pages: number): string {
  if (!Number.isFinite(pages)) return '–';
  return Number.isInteger(pages) ? thousands(pages) : wholeThousands(pages);
}

/** Seconds to three significant digits, no unit: 33.0198 -> "33.0", 0.31412 -> "0.314". */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  if (seconds === 0) return '0';
  return threeSig(seconds);
}

/**
 * A point in time (s, no unit) precise enough that a span of `spanS` that starts or ends there is
 * visible: three significant digits, or more decimals when the span is shorter than those resolve.
 * formatInstant(6.01452, 0.000235) -> "6.01452"; formatInstant(12.967, 6.4) -> "13.0".
 */
export function formatInstant(seconds: number, spanS: number): string {
  if (!Number.isFinite(seconds)) return '–';
  if (seconds === 0) return '0';
  const digitsBefore = Math.floor(Math.log10(Math.abs(seconds))) + 1;
  const sigDecimals = Math.max(0, 3 - digitsBefore);
  if (!(spanS > 0)) return formatSeconds(seconds);
  const spanDecimals = Math.ceil(-Math.log10(spanS)) + 1;
  if (spanDecimals <= sigDecimals) return formatSeconds(seconds);
  return format(`,.${Math.min(9, spanDecimals)}f`)(seconds);
}

/** A duration with its unit: the one shared format (model/words/format.ts): "314 ms", "1.08 s". */
export function formatDuration(seconds: number): string {
  return sharedDuration(seconds);
}

/**
 * A duration for labels on the chart: the same shared format, which keeps short values short:
 * 3.78 -> "3.78 s", 0.314 -> "314 ms", 0.00506 -> "5.06 ms", 0.0000506 -> "50.6 µs".
 */
export function formatShortDuration(seconds: number): string {
  return sharedDuration(seconds);
}

/** A page dirty rate in pages/s: 20000 -> "20,000 pages/s". */
export function formatRatePages(pagesPerSecond: number): string {
  return `${formatPages(Math.round(pagesPerSecond))} pages/s`;
}

/** The same rate as MB/s of dirtied memory (10^6 bytes): "81.9 MB/s". */
export function formatRateMBps(pagesPerSecond: number, pageBytes: number): string {
  const mbps = dirtyRateMBps(pagesPerSecond, pageBytes);
  return `${mbps === 0 ? '0' : threeSig(mbps)} MB/s`;
}

/** Both: "20,000 pages/s (81.9 MB/s)". */
export function formatRate(pagesPerSecond: number, pageBytes: number): string {
  return `${formatRatePages(pagesPerSecond)} (${formatRateMBps(pagesPerSecond, pageBytes)})`;
}

/** A link goodput: 7120 -> "7,120 Mbit/s", 94.2 -> "94.2 Mbit/s". */
export function formatMbps(mbps: number): string {
  return `${general(mbps)} Mbit/s`;
}

/** Axis ticks of page counts: 262144 -> "262k", 1000000 -> "1M", 0 -> "0". */
export function formatPagesTick(pages: number): string {
  return pages === 0 ? '0' : compactSi(pages);
}

/** Axis ticks of rates: 100 -> "100", 10000 -> "10k", 1e6 -> "1M". */
export function formatRateTick(rate: number): string {
  return rate === 0 ? '0' : compactSi(rate);
}

/** Axis ticks of seconds: 0.3 -> "0.3", 2.5 -> "2.5", 1000 -> "1,000", 1e6 -> "1,000,000" (not "1e+6"). */
export function formatSecondsTick(seconds: number): string {
  return tickSeconds(seconds);
}
