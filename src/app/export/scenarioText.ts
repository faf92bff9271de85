// The scenario in words and as a file name, for exported charts and data: a file or picture taken
// out of the page must still say what it shows.
import type { Scenario } from '../../model/index.ts';
import { POLICY_NAME } from '../policyNames.ts';

/** Which trace drove the run, as the exports name it. */
export interface TraceRef {
  kind: 'shipped' | 'upload';
  /** The shipped trace's name (public/traces/<name>.csv) or the uploaded file's name. */
  name: string;
}

function trimNumber(n: number, digits = 3): string {
  return String(Number(n.toPrecision(digits)));
}

/** 1024 -> "1GiB", 512 -> "512MiB", 1536 -> "1.5GiB". */
export function sizeText(mib: number): string {
  if (mib >= 1024 * 1024) return `${trimNumber(mib / (1024 * 1024))}TiB`;
  if (mib >= 1024) return `${trimNumber(mib / 1024)}GiB`;
  return `${trimNumber(mib)}MiB`;
}

/** 935 -> "935Mbps", 7120 -> "7.12Gbps". */
export function linkText(mbps: number): string {
  return mbps >= 1000 ? `${trimNumber(mbps / 1000)}Gbps` : `${trimNumber(mbps)}Mbps`;
}

function slug(text: string): string {
  return text.replace(/\.[a-z0-9]+$/i, '').replace(/[^a-z0-9.]+/gi, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'trace';
}

/** e.g. `precopy-iterations-1GiB-935Mbps-20000pps` (no extension). */
export function exportBaseName(what: string, s: Scenario, trace: TraceRef | null): string {
  const rate = trace ? `trace-${slug(trace.name)}-start${trimNumber(s.traceStartS, 6)}s` : `${trimNumber(s.dirtyRate, 6)}pps`;
  const policy = s.policy === 'xen' ? [] : [s.policy];
  return ['precopy', what, sizeText(s.vmMiB), linkText(s.linkMbps), rate, ...policy].join('-');
}

/** One sentence: "Xen pre-copy (Akoush), 1 GiB VM, 935 Mbit/s link, 20000 pages/s, sequential writes." */
export function scenarioCaption(s: Scenario, trace: TraceRef | null): string {
  const rate = trace
    ? `dirty rate from the ${trace.kind === 'upload' ? 'uploaded' : 'shipped'} trace ${trace.name}, starting at ${trimNumber(s.traceStartS, 6)} s`
    : `${trimNumber(s.dirtyRate, 6)} pages/s dirtied`;
  const wss = s.wssPages === null ? '' : `, working set ${s.wssPages} pages`;
  return `${POLICY_NAME[s.policy]}: ${sizeText(s.vmMiB).replace(/([A-Z])/, ' $1')} VM, ${trimNumber(s.linkMbps, 6)} Mbit/s link, ${rate}, ${s.pattern} writes${wss}.`;
}
