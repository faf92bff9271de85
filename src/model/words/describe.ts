// A scenario in words, once: the one short description used by the pin rows, "which VM first", the
// export captions and file names, the share dialog and beside the CLI command. It is generic over the
// FIELDS table (a field added later is described by its flag, value and unit until it gets a phrase) and
// policy-aware: the chosen policy's own settings are always listed (they decide results: QEMU's cap,
// auto-converge), the other policies' settings never, and every other field only when it is not the default.
import { DEFAULT_SCENARIO, FIELDS, type Field, type PolicyName, type Scenario } from '../scenario.ts';
import { formatBitRate, formatCount, formatDuration, formatMiBps, formatNumber, formatShare, formatSizeBytes, formatSizeMiB, formatTimes } from './format.ts';

/** The policies' short names (the app's pickers, legends and tables use the same). */
export const POLICY_LABEL: Record<PolicyName, string> = {
  xen: 'Xen 3.x (Akoush)',
  'xen-v2': 'Xen migration v2',
  qemu: 'QEMU/KVM',
  postcopy: 'Post-copy',
  hybrid: 'Hybrid',
};

/** Which trace drove the run. */
export interface TraceName {
  /** A trace shipped with the app, a file uploaded to it, or a file given to the CLI. */
  kind: 'shipped' | 'upload' | 'file';
  name: string;
}

/** One setting in words, keyed by its field. */
export interface Phrase {
  key: keyof Scenario;
  text: string;
}

type Values = Record<string, unknown>;

/** The policies a field belongs to (from its help text's "Xen:"/"QEMU:" prefix), or null for every policy. */
export function fieldPolicies(field: Field): readonly PolicyName[] | null {
  if (field.key === 'minDirtyPages') return ['xen', 'xen-v2'];
  if (/^Xen:/.test(field.help)) return ['xen'];
  if (/^QEMU:/.test(field.help)) return ['qemu'];
  return null;
}

/** Whether a field means anything for this scenario (a Xen setting under QEMU does not). */
export function fieldApplies(field: Field, s: Scenario, traced: boolean): boolean {
  const policies = fieldPolicies(field);
  if (policies) return policies.includes(s.policy);
  switch (field.key) {
    case 'hotFraction':
    case 'hotShare':
      return s.pattern === 'hotcold';
    case 'seed':
      return s.pattern !== 'sequential';
    case 'dirtyRate':
      return !traced;
    case 'traceStartS':
      return traced;
    default:
      return true;
  }
}

/** A field's value in words. Fields without a phrase (added later) read "<flag> <value> <unit>". */
export function fieldPhrase(field: Field, s: Scenario): string {
  const v = (s as unknown as Values)[field.key];
  switch (field.key) {
    case 'vmMiB':
      return `${formatSizeMiB(s.vmMiB)} VM`;
    case 'linkMbps':
      return `${formatBitRate(s.linkMbps)} link`;
    case 'dirtyRate':
      return `${formatCount(s.dirtyRate)} pages/s dirtied`;
    case 'pattern':
      return `${s.pattern} writes`;
    case 'wssPages':
      return s.wssPages === null ? 'working set: the whole VM' : `working set ${formatCount(s.wssPages)} pages (${formatSizeBytes(s.wssPages * s.pageBytes)})`;
    case 'hotFraction':
      return `hot set ${formatShare(s.hotFraction)} of the working set`;
    case 'hotShare':
      return `${formatShare(s.hotShare)} of writes to the hot set`;
    case 'seed':
      return `seed ${s.seed}`;
    case 'preS':
      return `pre-migration overhead ${formatDuration(s.preS)}`;
    case 'postS':
      return `post-migration overhead ${formatDuration(s.postS)}`;
    case 'pageBytes':
      return `${formatSizeBytes(s.pageBytes)} pages`;
    case 'policy':
      return POLICY_LABEL[s.policy];
    case 'maxIterations':
      return `at most ${formatCount(s.maxIterations)} iterations`;
    case 'minDirtyPages':
      return `stop under ${formatCount(s.minDirtyPages)} pages`;
    case 'maxFactor':
      return `data limit ${formatTimes(s.maxFactor)} the VM`;
    case 'downtimeLimitMs':
      return `downtime limit ${formatDuration(s.downtimeLimitMs / 1000)}`;
    case 'maxBandwidthMiBps':
      return `max-bandwidth ${formatMiBps(s.maxBandwidthMiBps)}`;
    case 'autoConverge':
      return `auto-converge ${s.autoConverge ? 'on' : 'off'}`;
    case 'timeoutS':
      return `timeout ${formatDuration(s.timeoutS)}`;
    case 'vcpuLimit':
      return `writer held to ${formatShare(s.vcpuLimit)} of a vCPU`;
    case 'zeroFraction':
      return `${formatShare(s.zeroFraction)} zero pages`;
    case 'compressionRatio':
      return `${formatTimes(s.compressionRatio)} compression`;
    case 'compressMbps':
      return s.compressMbps === null ? 'compressor unlimited' : `compressor ${formatBitRate(s.compressMbps)}`;
    case 'traceStartS':
      return `starting ${formatDuration(s.traceStartS)} into the trace`;
    default: {
      if (field.kind === 'flag') return `${field.flag} ${v ? 'on' : 'off'}`;
      if (field.kind === 'choice') return `${field.flag} ${String(v)}`;
      const unit = field.unit ? ` ${field.unit}` : '';
      return v === null ? `${field.flag} none` : `${field.flag} ${typeof v === 'number' ? formatNumber(v) : String(v)}${unit}`;
    }
  }
}

const HEADLINE: readonly (keyof Scenario)[] = ['vmMiB', 'linkMbps', 'dirtyRate'];

/**
 * Every setting that shapes this run, in words: the headline (VM, link, rate), the chosen policy's
 * own settings (always), then each other field that applies and differs from the default.
 */
export function scenarioPhrases(s: Scenario, trace: TraceName | null = null): Phrase[] {
  const traced = trace !== null;
  const defaults = DEFAULT_SCENARIO as unknown as Values;
  const values = s as unknown as Values;
  const out: Phrase[] = [];
  for (const field of FIELDS) {
    if (field.key === 'policy' || !fieldApplies(field, s, traced)) continue;
    const own = fieldPolicies(field) !== null;
    // The trace and its start are part of the headline when a trace gives the rate.
    const headline = HEADLINE.includes(field.key) || (field.key === 'traceStartS' && traced);
    if (!headline && !own && values[field.key] === defaults[field.key]) continue;
    if (field.key === 'traceStartS' && trace) {
      out.push({ key: 'traceStartS', text: `dirty rate from the ${{ shipped: 'shipped trace', upload: 'uploaded trace', file: 'trace file' }[trace.kind]} ${trace.name}, ${fieldPhrase(field, s)}` });
      continue;
    }
    out.push({ key: field.key, text: fieldPhrase(field, s) });
  }
  return out;
}

/**
 * The short description: "QEMU/KVM (downtime limit 300 ms, max-bandwidth 128 MiB/s, auto-converge off,
 * timeout 150 s): 64 GiB VM, 7.12 Gbit/s link, 50,000 pages/s dirtied".
 */
export function describeScenario(s: Scenario, trace: TraceName | null = null): string {
  const phrases = scenarioPhrases(s, trace);
  const own = phrases.filter((p) => isOwnSetting(p.key));
  const rest = phrases.filter((p) => !isOwnSetting(p.key));
  const policy = own.length ? `${POLICY_LABEL[s.policy]} (${own.map((p) => p.text).join(', ')})` : POLICY_LABEL[s.policy];
  return `${policy}: ${rest.map((p) => p.text).join(', ')}`;
}

function isOwnSetting(key: keyof Scenario): boolean {
  const field = FIELDS.find((f) => f.key === key);
  return field !== undefined && fieldPolicies(field) !== null;
}

/** How `b` differs from `a`, in b's words: "auto-converge on, 200,000 pages/s dirtied"; '' when equal. */
export function describeDifference(a: Scenario, b: Scenario, trace: TraceName | null = null): string {
  const pa = new Map(scenarioPhrases(a, trace).map((p) => [p.key, p.text]));
  const diff = scenarioPhrases(b, trace).filter((p) => pa.get(p.key) !== p.text);
  const policyDiffers = a.policy !== b.policy;
  return [...(policyDiffers ? [POLICY_LABEL[b.policy]] : []), ...diff.map((p) => p.text)].join(', ');
}

/** What a figure shows besides its own run: the compared policies, the pins and the overlays. */
export interface FigureExtras {
  compare?: readonly PolicyName[];
  pins?: readonly { name: string; scenario: Scenario }[];
  /** What else is drawn over the curves, in words ("the QEMU 7.2 measured runs"); the app names them. */
  overlays?: readonly string[];
}

/** A figure's caption: the scenario, then the policies compared on it, the pins and the overlays drawn on it. */
export function describeFigure(s: Scenario, trace: TraceName | null, extras: FigureExtras = {}): string {
  const parts = [`${describeScenario(s, trace)}.`];
  const compare = (extras.compare ?? []).filter((p) => p !== s.policy);
  if (compare.length) parts.push(`Compared with ${listText(compare.map((p) => POLICY_LABEL[p]))}.`);
  const pins = extras.pins ?? [];
  if (pins.length) parts.push(`Pinned: ${pins.map((p) => `${p.name} (${describeDifference(s, p.scenario) || 'the same scenario'})`).join('; ')}.`);
  const overlays = extras.overlays ?? [];
  if (overlays.length) parts.push(`Drawn over the curves: ${listText(overlays)}.`);
  return parts.join(' ');
}

/** "a, b and c". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
