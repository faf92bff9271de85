// Units of the model (see docs/MODEL-NOTES.md): sizes in MiB and pages, link goodput in Mbit/s
// (10^6 bit), times in seconds.

export const MIB = 1_048_576;
export const DEFAULT_PAGE_BYTES = 4096;
/** Xen sends at most this many pages per batch before it peeks at the dirty bitmap again. */
export const BATCH_PAGES = 1024;

/** Pages of a VM of `vmMiB` MiB: floor(MiB * 2^20 / pageBytes). */
export function pagesOf(vmMiB: number, pageBytes: number): number {
  return Math.floor((vmMiB * MIB) / pageBytes);
}

/** Pages per second a link of `mbps` Mbit/s of goodput carries. */
export function linkPagesPerSecond(mbps: number, pageBytes: number): number {
  return (mbps * 1e6) / 8 / pageBytes;
}

/** Page writes per second expressed as MB/s of dirtied memory (10^6 bytes). */
export function dirtyRateMBps(pagesPerSecond: number, pageBytes: number): number {
  return (pagesPerSecond * pageBytes) / 1e6;
}

export interface LinkPreset {
  id: '100M' | '1G' | '10G';
  label: string;
  /** Nominal line rate, Mbit/s. */
  nominalMbps: number;
  /** Migration goodput measured by Akoush et al. (behind their Table I), Mbit/s. */
  goodputMbps: number;
}

/** Akoush et al. Table I links; 10 Gbps is Xen tuned as in their Section IV-D (stock Xen reached 3200). */
export const LINK_PRESETS: readonly LinkPreset[] = [
  { id: '100M', label: '100 Mbps', nominalMbps: 100, goodputMbps: 94.2 },
  { id: '1G', label: '1 Gbps', nominalMbps: 1000, goodputMbps: 935 },
  { id: '10G', label: '10 Gbps', nominalMbps: 10_000, goodputMbps: 7120 },
];
