// Command-line flags: the scenario's flags come from the model's field table, so the CLI, batch input
// and the app share one definition and one validator.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { FIELDS, describeRange, validateScenario, type Field, type Scenario } from '../model/index.ts';

/** A bad flag or value: the message names the flag and the accepted range; exit code 2. */
export class UsageError extends Error {}

export type Mode = 'summary' | 'json' | 'batch' | 'sweep' | 'help';

export interface SweepOptions {
  linksMbps: number[];
  points: number;
  rateMin: number;
  rateMax: number;
}

export interface Command {
  mode: Mode;
  scenario: Scenario;
  exact: boolean;
  sweep: SweepOptions;
  /** A dirty-rate trace (CSV) to run instead of the constant rate. */
  tracePath: string | null;
}

const SWEEP_DEFAULTS: SweepOptions = { linksMbps: [94.2, 935, 7120], points: 100, rateMin: 100, rateMax: 1_000_000 };

const options = {
  ...Object.fromEntries(FIELDS.map((f) => [f.flag, { type: f.kind === 'flag' ? 'boolean' : 'string' }])),
  json: { type: 'boolean' },
  batch: { type: 'boolean' },
  sweep: { type: 'boolean' },
  exact: { type: 'boolean' },
  trace: { type: 'string' },
  links: { type: 'string' },
  points: { type: 'string' },
  'rate-min': { type: 'string' },
  'rate-max': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A decimal number written in full; NaN, Infinity, hex and empty strings are rejected. */
export function parseNumber(text: string): number | undefined {
  if (!DECIMAL.test(text.trim())) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** Reads one field's value from text (the command line) or JSON (batch input). */
export function fieldValue(field: Field, raw: unknown): unknown {
  if (field.kind !== 'number') return raw;
  if (raw === null && field.nullable) return null;
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'string') return parseNumber(raw) ?? raw;
  return raw;
}

/** Validates flags given as { flag: value } into a scenario, or throws a UsageError naming the flag. */
export function scenarioFromFlags(flags: Record<string, unknown>): Scenario {
  const input: Partial<Record<keyof Scenario, unknown>> = {};
  for (const field of FIELDS) {
    if (flags[field.flag] !== undefined) input[field.key] = fieldValue(field, flags[field.flag]);
  }
  const result = validateScenario(input);
  if (result.ok) return result.scenario;
  const { field, message } = result.issues[0];
  const given = flags[field.flag];
  const shown = given === undefined ? '' : ` (got ${JSON.stringify(given).slice(0, 40)})`;
  throw new UsageError(`--${field.flag} ${message}${shown}`);
}

function numberFlag(name: string, text: string | undefined, fallback: number, min: number, max: number, integer = false): number {
  if (text === undefined) return fallback;
  const n = parseNumber(text);
  const range = `${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`;
  if (n === undefined || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${name} must be ${range} (got ${JSON.stringify(text).slice(0, 40)})`);
  }
  return n;
}

function sweepOptions(values: Record<string, unknown>): SweepOptions {
  const linkField = FIELDS.find((f) => f.key === 'linkMbps')!;
  const linksText = values.links as string | undefined;
  const linksMbps =
    linksText === undefined
      ? SWEEP_DEFAULTS.linksMbps
      : linksText.split(',').map((part) => {
          const n = parseNumber(part);
          if (n === undefined || !(validateScenario({ linkMbps: n }).ok)) {
            throw new UsageError(`--links takes a comma-separated list, each ${describeRange(linkField)} (got ${JSON.stringify(part).slice(0, 40)})`);
          }
          return n;
        });
  const points = numberFlag('points', values.points as string | undefined, SWEEP_DEFAULTS.points, 1, 10_000, true);
  const rateMin = numberFlag('rate-min', values['rate-min'] as string | undefined, SWEEP_DEFAULTS.rateMin, 1e-3, 1e9);
  const rateMax = numberFlag('rate-max', values['rate-max'] as string | undefined, SWEEP_DEFAULTS.rateMax, 1e-3, 1e9);
  if (rateMax < rateMin) throw new UsageError(`--rate-max must be at least --rate-min (${rateMin})`);
  return { linksMbps, points, rateMin, rateMax };
}

/** What a value flag accepts, in words (for "needs a value" messages). */
function accepted(flag: string): string {
  const field = FIELDS.find((f) => f.flag === flag);
  return field ? describeRange(field) : flag === 'links' ? 'a comma-separated list of Mbit/s' : 'a number';
}

/**
 * Joins `--flag -5` into `--flag=-5`, so a negative number reaches the range check instead of being
 * taken for a flag, and names the flag whose value is missing.
 */
function normaliseArgv(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    const name = token.startsWith('--') && !token.includes('=') ? token.slice(2) : '';
    const takesValue = (options as Record<string, { type: string }>)[name]?.type === 'string';
    if (!takesValue) {
      out.push(token);
      continue;
    }
    const next = argv[i + 1];
    if (next === undefined || (next.startsWith('-') && !/^-[\d.]/.test(next))) {
      throw new UsageError(`--${name} needs a value: ${accepted(name)}`);
    }
    out.push(`${token}=${next}`);
    i++;
  }
  return out;
}

export function parseCommand(argv: string[]): Command {
  let values: Record<string, unknown>;
  const args = normaliseArgv(argv);
  try {
    ({ values } = parseArgs({ args, options, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
  const modes = (['json', 'batch', 'sweep', 'help'] as const).filter((m) => values[m]);
  if (modes.length > 1 && !modes.includes('help')) {
    throw new UsageError(`--${modes[0]} and --${modes[1]} cannot be used together`);
  }
  const mode: Mode = modes.includes('help') ? 'help' : (modes[0] ?? 'summary');
  if (values.exact && mode === 'sweep') throw new UsageError('--exact cannot be used with --sweep');
  const tracePath = (values.trace as string | undefined) ?? null;
  if (tracePath !== null) {
    if (mode === 'sweep' || mode === 'batch') throw new UsageError(`--trace cannot be used with --${mode}`);
    if (values.rate !== undefined) throw new UsageError('--rate cannot be used with --trace (the trace gives the rate)');
  } else if (values.start !== undefined) {
    throw new UsageError('--start needs --trace');
  }
  return { mode, scenario: scenarioFromFlags(values), exact: Boolean(values.exact), sweep: sweepOptions(values), tracePath };
}

export const USAGE = `Simulate pre-copy live migration of a VM (Xen as in Akoush et al. MASCOTS 2010, Xen migration v2, QEMU/KVM).

Usage: npm run --silent simulate -- [flags]

Scenario:
${FIELDS.map((f) => `  --${f.flag.padEnd(18)} ${f.help}${f.kind === 'flag' ? '' : `; ${describeRange(f)}`}`).join('\n')}

Output (default: a summary and a per-iteration table):
  --json             one JSON object {"scenario", "result"}
  --batch            read one JSON object of scenario flags per stdin line (e.g. {"vm":512,"rate":20000});
                     write one --json object per line (an {"line","error"} object for a bad line, exit 2)
  --sweep            CSV of migration time, downtime and iterations over log-spaced dirty rates:
  --links LIST         link goodputs in Mbit/s (default 94.2,935,7120)
  --points N           rates per link (default 100)
  --rate-min R         lowest rate, pages/s (default 100)
  --rate-max R         highest rate, pages/s (default 1000000)
  --exact            page-by-page run with real random writes (uses --seed; slow; limited to 2^25 pages)
  --trace FILE       dirty rate over time from a CSV trace (docs/TRACES.md) instead of --rate; with
                     --start S the migration starts S seconds into the trace. Also prints the range of
                     migration time and downtime over 200 start times (Akoush Table IV)
  -h, --help         this text

Bad input prints one line naming the flag and exits with code 2.`;
