// Formats the app's own text (sizes, multiples); the charts' formats live in charts/format.ts.
import { format } from 'd3';

const upTo2 = format(',.2~f');
const threeSig = format(',.3~r');

/** A size in MiB in the largest binary unit that keeps it ≥ 1: 1024 -> "1 GiB", 1536 -> "1.5 GiB". */
export function formatMiB(mib: number): string {
  if (mib >= 1_048_576) return `${upTo2(mib / 1_048_576)} TiB`;
  if (mib >= 1024) return `${upTo2(mib / 1024)} GiB`;
  return `${upTo2(mib)} MiB`;
}

/** A size in bytes: 4096 -> "4 KiB", 2097152 -> "2 MiB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_048_576) return formatMiB(bytes / 1_048_576);
  if (bytes >= 1024) return `${upTo2(bytes / 1024)} KiB`;
  return `${bytes} B`;
}

/** GiB with three significant digits: "3.01 GiB". */
export function formatGiB(bytes: number): string {
  return `${threeSig(bytes / 2 ** 30)} GiB`;
}

/** A multiple: 3.0123 -> "3.01×". */
export function formatTimes(x: number): string {
  return `${threeSig(x)}×`;
}

/** A plain number with separators and up to 3 significant digits past the point: 262144 -> "262,144". */
export function formatCount(n: number): string {
  return Number.isInteger(n) ? format(',')(n) : threeSig(n);
}
