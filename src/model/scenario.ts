// A scenario: everything one simulated migration depends on. One field table describes every field
// once (its name on the command line, its range, its unit); schema.ts builds the validator from it.
import { DEFAULT_PAGE_BYTES } from './units.ts';

export const PATTERNS = ['sequential', 'uniform', 'hotcold'] as const;
export type Pattern = (typeof PATTERNS)[number];

export const POLICIES = ['xen', 'xen-v2', 'qemu', 'postcopy', 'hybrid'] as const;
export type PolicyName = (typeof POLICIES)[number];

/** One line on each policy, for pickers and help. */
export const POLICY_TEXT: Record<PolicyName, string> = {
  xen: 'Xen 3.x pre-copy: peek and skip re-dirtied pages; stop after 29 iterations, 3x the VM sent, or under 50 pages',
  'xen-v2': 'Xen migration v2: every dirty page sent in each iteration, no skipping; stop-and-copy under 50 dirty pages or after 5 live iterations',
  qemu: 'QEMU/KVM: passes over the dirty bitmap, checked every 100 ms, until the dirty data fits the downtime limit at the migration bandwidth',
  postcopy: 'Post-copy: switch over at once, then push memory while the guest faults in what it touches',
  hybrid: 'Hybrid: one live pre-copy iteration, then post-copy for what it dirtied',
};

export interface Scenario {
  /** VM memory, MiB. */
  vmMiB: number;
  /** Migration goodput, Mbit/s. */
  linkMbps: number;
  /** Page writes per second by the guest. */
  dirtyRate: number;
  pattern: Pattern;
  /** Writable working set in pages; null means the whole VM. */
  wssPages: number | null;
  /** hotcold: share of the working set that is hot. */
  hotFraction: number;
  /** hotcold: share of the writes that hit the hot set. */
  hotShare: number;
  /** Seed of the random patterns' page choice (page-exact runs only; the fast path is its mean). */
  seed: number;
  /** Pre-migration overhead (initialisation and reservation), s. */
  preS: number;
  /** Post-migration overhead (commitment and activation), s. */
  postS: number;
  pageBytes: number;
  policy: PolicyName;
  /** Xen: the iteration after which the stop-and-copy is forced (29). */
  maxIterations: number;
  /** Xen: an iteration that sent and skipped fewer pages than this ends pre-copy (50). */
  minDirtyPages: number;
  /** Xen: pre-copy ends once more than this multiple of the VM has been sent (3). */
  maxFactor: number;
  /** QEMU: switch over once the dirty data can be sent within this downtime, ms (300). */
  downtimeLimitMs: number;
  /** QEMU: the migration's bandwidth cap, MiB/s (128). */
  maxBandwidthMiBps: number;
  /** QEMU: throttle the guest when it dirties memory faster than it can be sent. */
  autoConverge: boolean;
  /** QEMU: give up on converging after this much pre-copy, s (150); the stop-and-copy is then forced. */
  timeoutS: number;
  /** Share of a vCPU the writing process may use during the migration (1 = no limit). */
  vcpuLimit: number;
  /** Share of the pages sent that are all zeros (sent as a marker). */
  zeroFraction: number;
  /** Compression ratio of the other pages (1 = none). */
  compressionRatio: number;
  /** Compressor throughput, Mbit/s of page data it reads; null = not a bottleneck. */
  compressMbps: number | null;
  /** With a dirty-rate trace: the trace time at which the migration starts, s. */
  traceStartS: number;
  /**
   * Share of a vCPU the writer needs to dirty at its rate (1: it needs all of it). The vCPU limit and
   * auto-converge's throttle slow it only when the CPU they leave falls below this share.
   */
  writerCpu: number;
}

/** Defaults: Akoush's 1 GiB VM on the 1 Gbps link, overheads from their Table I. */
export const DEFAULT_SCENARIO: Readonly<Scenario> = Object.freeze({
  vmMiB: 1024,
  linkMbps: 935,
  dirtyRate: 0,
  pattern: 'sequential',
  wssPages: null,
  hotFraction: 0.1,
  hotShare: 0.9,
  seed: 1,
  preS: 3.78,
  postS: 0.314,
  pageBytes: DEFAULT_PAGE_BYTES,
  policy: 'xen',
  maxIterations: 29,
  minDirtyPages: 50,
  maxFactor: 3,
  downtimeLimitMs: 300,
  maxBandwidthMiBps: 128,
  autoConverge: false,
  timeoutS: 150,
  vcpuLimit: 1,
  zeroFraction: 0,
  compressionRatio: 1,
  compressMbps: null,
  traceStartS: 0,
  writerCpu: 1,
});

/** The largest VM the simulator takes, in pages (2^32: 16 TiB of 4 KiB pages). */
export const MAX_PAGES = 2 ** 32;

export interface NumberField {
  kind: 'number';
  key: keyof Scenario;
  /** Name on the command line (without the dashes) and in batch JSON. */
  flag: string;
  min: number;
  max: number;
  /** The minimum itself is excluded (e.g. a link of 0 Mbit/s). */
  minExclusive?: boolean;
  integer?: boolean;
  powerOfTwo?: boolean;
  nullable?: boolean;
  unit: string;
  help: string;
}

export interface ChoiceField {
  kind: 'choice';
  key: keyof Scenario;
  flag: string;
  options: readonly string[];
  help: string;
}

export interface FlagField {
  kind: 'flag';
  key: keyof Scenario;
  flag: string;
  help: string;
}

export type Field = NumberField | ChoiceField | FlagField;

export const FIELDS: readonly Field[] = [
  { kind: 'number', key: 'vmMiB', flag: 'vm', min: 0, minExclusive: true, max: 16_777_216, unit: 'MiB', help: 'VM memory' },
  { kind: 'number', key: 'linkMbps', flag: 'link', min: 0, minExclusive: true, max: 1_000_000, unit: 'Mbit/s', help: 'migration goodput' },
  { kind: 'number', key: 'dirtyRate', flag: 'rate', min: 0, max: 1e9, unit: 'pages/s', help: 'page dirty rate' },
  { kind: 'choice', key: 'pattern', flag: 'pattern', options: PATTERNS, help: 'which page each write hits' },
  { kind: 'number', key: 'wssPages', flag: 'wss', min: 1, max: MAX_PAGES, integer: true, nullable: true, unit: 'pages', help: 'writable working set (default: the whole VM)' },
  { kind: 'number', key: 'hotFraction', flag: 'hot-fraction', min: 0, minExclusive: true, max: 1, unit: '', help: 'hotcold: fraction of the working set that is hot' },
  { kind: 'number', key: 'hotShare', flag: 'hot-share', min: 0, max: 1, unit: '', help: 'hotcold: fraction of writes that hit the hot set' },
  { kind: 'number', key: 'seed', flag: 'seed', min: 0, max: 4_294_967_295, integer: true, unit: '', help: 'seed of the random patterns (page-exact runs)' },
  { kind: 'number', key: 'preS', flag: 'pre', min: 0, max: 3600, unit: 's', help: 'pre-migration overhead' },
  { kind: 'number', key: 'postS', flag: 'post', min: 0, max: 3600, unit: 's', help: 'post-migration overhead' },
  { kind: 'number', key: 'pageBytes', flag: 'page', min: 512, max: 1_073_741_824, integer: true, powerOfTwo: true, unit: 'bytes', help: 'page size, a power of two' },
  { kind: 'choice', key: 'policy', flag: 'policy', options: POLICIES, help: 'migration policy' },
  { kind: 'number', key: 'maxIterations', flag: 'max-iterations', min: 1, max: 1000, integer: true, unit: '', help: 'Xen: force stop-and-copy after this many iterations' },
  { kind: 'number', key: 'minDirtyPages', flag: 'min-dirty-pages', min: 0, max: MAX_PAGES, integer: true, unit: 'pages', help: 'Xen: stop when an iteration sent and skipped fewer pages' },
  { kind: 'number', key: 'maxFactor', flag: 'max-factor', min: 0, max: 1000, unit: 'x VM', help: 'Xen: stop once more than this multiple of the VM was sent' },
  { kind: 'number', key: 'downtimeLimitMs', flag: 'downtime-limit', min: 1, max: 3_600_000, unit: 'ms', help: 'QEMU: downtime limit for the switch-over' },
  { kind: 'number', key: 'maxBandwidthMiBps', flag: 'max-bandwidth', min: 0, minExclusive: true, max: 1_000_000, unit: 'MiB/s', help: 'QEMU: migration bandwidth cap' },
  { kind: 'flag', key: 'autoConverge', flag: 'auto-converge', help: 'QEMU: throttle a guest that dirties memory too fast' },
  { kind: 'number', key: 'timeoutS', flag: 'timeout', min: 1, max: 1_000_000, unit: 's', help: 'QEMU: pre-copy time before the switch-over is forced' },
  { kind: 'number', key: 'vcpuLimit', flag: 'vcpu-limit', min: 0, minExclusive: true, max: 1, unit: '', help: "share of a vCPU left to the writing process" },
  { kind: 'number', key: 'zeroFraction', flag: 'zero-fraction', min: 0, max: 1, unit: '', help: 'share of pages that are zero (sent as a marker)' },
  { kind: 'number', key: 'compressionRatio', flag: 'compression-ratio', min: 1, max: 1000, unit: '', help: 'compression ratio of the other pages' },
  { kind: 'number', key: 'compressMbps', flag: 'compress-mbps', min: 0, minExclusive: true, max: 1_000_000, nullable: true, unit: 'Mbit/s', help: 'compressor throughput (default: unlimited)' },
  { kind: 'number', key: 'traceStartS', flag: 'start', min: 0, max: 1e9, unit: 's', help: 'with --trace: trace time at which the migration starts' },
  { kind: 'number', key: 'writerCpu', flag: 'writer-cpu', min: 0, minExclusive: true, max: 1, unit: '', help: 'share of a vCPU the writer needs for its rate (throttles slow it only below this)' },
];

/** The accepted range of a field in words, for error messages. */
export function describeRange(field: Field): string {
  if (field.kind === 'choice') return `one of ${field.options.join(', ')}`;
  if (field.kind === 'flag') return 'true or false';
  const kind = field.powerOfTwo ? 'a power of two' : field.integer ? 'a whole number' : 'a number';
  const unit = field.unit ? ` ${field.unit}` : '';
  const range = field.minExclusive ? `above ${field.min} and up to ${field.max}` : `from ${field.min} to ${field.max}`;
  return `${kind} ${range}${unit}`;
}
