// The scenario in words and as a file name, for exported charts and data: a file or picture taken
// out of the page must still say what it shows.
import { DEFAULT_SCENARIO, describeFigure, scenarioPhrases, type FigureExtras, type Scenario } from '../../model/index.ts';

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

/** The longest file name part the other settings may take (file systems allow 255 bytes a name). */
const MAX_EXTRA = 120;

/**
 * e.g. `precopy-iterations-1GiB-935Mbps-20000pps` (no extension), then the policy and every other
 * setting that is not the default, in the description's words: `…-qemu-auto-converge-on`.
 */
export function exportBaseName(what: string, s: Scenario, trace: TraceRef | null): string {
  const rate = trace ? `trace-${slug(trace.name)}-start${trimNumber(s.traceStartS, 6)}s` : `${trimNumber(s.dirtyRate, 6)}pps`;
  const policy = s.policy === 'xen' ? [] : [s.policy];
  const defaults = DEFAULT_SCENARIO as unknown as Record<string, unknown>;
  const values = s as unknown as Record<string, unknown>;
  const skip = new Set(['vmMiB', 'linkMbps', 'dirtyRate', 'traceStartS']);
  const extra = scenarioPhrases(s, trace)
    .filter((p) => !skip.has(p.key) && values[p.key] !== defaults[p.key])
    .map((p) => p.text.replace(/[^a-z0-9.]+/gi, '-').replace(/^-+|-+$/g, '').toLowerCase())
    // Whole settings only, in FIELDS order, up to the first that does not fit.
    .reduce<{ name: string; full: boolean }>(
      ({ name, full }, part) => (full || name.length + part.length + 1 > MAX_EXTRA ? { name, full: true } : { name: name ? `${name}-${part}` : part, full }),
      { name: '', full: false },
    ).name;
  return ['precopy', what, sizeText(s.vmMiB), linkText(s.linkMbps), rate, ...policy, ...(extra ? [extra] : [])].join('-');
}

/**
 * The caption of an exported figure: the scenario's one description (model/words/describe.ts), then the
 * compared policies and the pins drawn on it.
 */
export function scenarioCaption(s: Scenario, trace: TraceRef | null, extras: FigureExtras = {}): string {
  return describeFigure(s, trace, extras);
}
