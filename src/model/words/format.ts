// The one way each quantity is written, for every place that shows a number in prose: the summary, the
// narration, the lessons, the pins, the captions and the SLA lens. Each formatter picks its unit and digits
// from the magnitude (three significant digits), and none ever writes an exponent ("1e+21", "9.95e-3"):
// d3-format's "r" and "f" types never do. Pure, so the model, the CLI and the app share it.
import { format } from 'd3';

const sig3 = format(',.3r');
const upTo3Sig = format(',.3~r');
// "f" falls back to an exponent from 1e21 on (Number.prototype.toFixed): past 1e15, where decimals
// no longer mean anything, three significant digits ("r") take over.
const fixed2 = format(',.2~f');
const upTo2 = (x: number) => (Math.abs(x) < 1e15 ? fixed2(x) : upTo3Sig(x));
const fixed0 = format(',.0f');
const whole = (x: number) => (Math.abs(x) < 1e15 ? fixed0(x) : upTo3Sig(x));

/** Three significant digits without an exponent, whatever the magnitude: 10.97 -> "11.0", 157.98 -> "158". */
function threeSig(x: number): string {
  return sig3(x);
}

/** A count of things with thousands separators: 262144 -> "262,144" (fractions rounded). */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '–';
  return whole(n);
}

/** "1 iteration", "3 iterations", "22,967 pages". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${Math.round(n) === 1 ? one : many}`;
}

/**
 * A duration in the unit that suits it: "50.6 µs", "5.06 ms", "314 ms", "11.0 s", "158 s", "1,030 s".
 * The summary, the narration, the lessons and the pins all write durations this way, so one quantity
 * has one set of digits everywhere.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  const a = Math.abs(seconds);
  if (a === 0) return '0 s';
  // Round first, so 0.99951 s reads "1.00 s", not "1,000 ms".
  if (a < 1e-3 && Number(threeSig(a * 1e6).replace(/,/g, '')) < 1000) return `${threeSig(seconds * 1e6)} µs`;
  if (a < 1 && Number(threeSig(a * 1e3).replace(/,/g, '')) < 1000) return `${threeSig(seconds * 1e3)} ms`;
  return `${threeSig(seconds)} s`;
}

/** A point in time, said with what it is measured from: "6.88 s after the migration began". */
export function formatSinceStart(seconds: number): string {
  return `${formatDuration(seconds)} after the migration began`;
}

/** A size in MiB in the largest binary unit that keeps it ≥ 1: 1024 -> "1 GiB", 1536 -> "1.5 GiB". */
export function formatSizeMiB(mib: number): string {
  if (!Number.isFinite(mib)) return '–';
  if (mib < 0) return `−${formatSizeMiB(-mib)}`;
  if (mib >= 1_048_576) return `${upTo2(mib / 1_048_576)} TiB`;
  if (mib >= 1024) return `${upTo2(mib / 1024)} GiB`;
  if (mib >= 1) return `${upTo2(mib)} MiB`;
  return formatSizeBytes(mib * 1_048_576);
}

/** A size in bytes: 4096 -> "4 KiB", 2097152 -> "2 MiB", 8 -> "8 B". */
export function formatSizeBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '–';
  if (bytes < 0) return `−${formatSizeBytes(-bytes)}`;
  if (bytes >= 1_048_576) return formatSizeMiB(bytes / 1_048_576);
  if (bytes >= 1024) return `${upTo2(bytes / 1024)} KiB`;
  return `${upTo2(bytes)} B`;
}

/** A bit rate from Mbit/s: 935 -> "935 Mbit/s", 1073.7 -> "1.07 Gbit/s", 0.5 -> "500 kbit/s". */
export function formatBitRate(mbps: number): string {
  if (!Number.isFinite(mbps)) return '–';
  if (mbps >= 1_000_000) return `${upTo3Sig(mbps / 1_000_000)} Tbit/s`;
  if (mbps >= 1000) return `${upTo3Sig(mbps / 1000)} Gbit/s`;
  if (mbps >= 1 || mbps === 0) return `${upTo3Sig(mbps)} Mbit/s`;
  return `${upTo3Sig(mbps * 1000)} kbit/s`;
}

/** A byte rate in MiB/s: 128 -> "128 MiB/s", 1500 -> "1,500 MiB/s". */
export function formatMiBps(mibps: number): string {
  return `${upTo3Sig(mibps)} MiB/s`;
}

/** Pages per second: 20000 -> "20,000 pages/s". */
export function formatPagesPerSecond(pps: number): string {
  return `${formatCount(pps)} pages/s`;
}

/**
 * A share (0..1) as a percentage, precise where it matters and never in exponent form:
 * 0.4 -> "40 %", 0.0355 -> "3.55 %", 0.0000995 -> "0.01 %", 0.00001 -> "< 0.01 %", 0 -> "0 %".
 */
export function formatShare(share: number): string {
  if (!Number.isFinite(share)) return '–';
  return formatPercent(share * 100);
}

/** A percentage (already × 100): 99.99 -> "99.99 %", 0.00995 -> "0.01 %". */
export function formatPercent(p: number): string {
  if (!Number.isFinite(p)) return '–';
  const a = Math.abs(p);
  if (a === 0) return '0 %';
  if (a < 0.005) return `${p < 0 ? '> −' : '< '}0.01 %`;
  // Below 1 %, two decimals; near 100 % keep the decimals that tell 99.99 from 100.
  if (a < 1) return `${upTo2(p)} %`;
  if (a >= 99 && a < 100) return `${format(',.2~f')(Math.min(p, 99.99))} %`;
  return `${upTo3Sig(p)} %`;
}

/** A multiple: 3.0123 -> "3.01×". */
export function formatTimes(x: number): string {
  return `${upTo3Sig(x)}×`;
}

/** A number with at most three significant digits and no unit, never an exponent: 0.000123 -> "0.000123". */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '–';
  if (Number.isInteger(x)) return formatCount(x);
  return upTo3Sig(x);
}
