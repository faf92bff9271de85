// The synthetic traces shipped in public/traces/ (docs/TRACES.md), selectable by name and in links (?trace=<name>).

export const SHIPPED_TRACES = [
  { name: 'nfs-rising', title: 'NFS server, clients arriving (synthetic, 600 s)' },
  { name: 'mapreduce-phases', title: 'MapReduce job phases (synthetic, 900 s)' },
] as const;

export type ShippedTraceName = (typeof SHIPPED_TRACES)[number]['name'];

export function isShippedTrace(name: string): name is ShippedTraceName {
  return SHIPPED_TRACES.some((t) => t.name === name);
}

/** Same-origin address of a shipped trace, relative to the page (the app may be served from a sub-path). */
export function shippedTraceUrl(name: ShippedTraceName, base: string): string {
  return new URL(`traces/${name}.csv`, base).href;
}

/** Uploads are refused past this size before they are read (parseTrace's own limit). */
export const MAX_TRACE_BYTES = 50 * 1024 * 1024;
