// "Copy CLI command": the scenario as `npm run simulate` flags, built from the model's field table so
// the command line reproduces the app's numbers. Only flags that differ from the defaults are written.
import { DEFAULT_SCENARIO, FIELDS, type Scenario } from '../../model/index.ts';
import type { TraceRef } from './scenarioText.ts';

export interface CliCommand {
  /** The flags, one argv entry each (what the CLI's parser receives). */
  args: string[];
  /** The whole command, ready to paste into a POSIX shell. */
  text: string;
  /** Set when the command cannot reproduce the run by itself (an uploaded trace). */
  note: string | null;
}

/** Quotes a word for a POSIX shell only when it needs it. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function cliCommand(s: Scenario, trace: TraceRef | null): CliCommand {
  const values = s as unknown as Record<string, unknown>;
  const defaults = DEFAULT_SCENARIO as unknown as Record<string, unknown>;
  const args: string[] = [];
  for (const field of FIELDS) {
    const value = values[field.key];
    if (value === defaults[field.key]) continue;
    // The trace gives the rate (the CLI refuses --rate with --trace); --start only means something with one.
    if (field.key === 'dirtyRate' && trace) continue;
    if (field.key === 'traceStartS' && !trace) continue;
    if (field.kind === 'flag') {
      if (value === true) args.push(`--${field.flag}`);
      continue;
    }
    args.push(`--${field.flag}`, String(value));
  }
  let note: string | null = null;
  if (trace) {
    const path = trace.kind === 'shipped' ? `public/traces/${trace.name}.csv` : trace.name;
    args.push('--trace', path);
    if (trace.kind === 'upload') {
      note = `The uploaded trace's path is not known to the browser: the command names the file ${trace.name}; put its path in place of that.`;
    }
  }
  const text = ['npm', 'run', '--silent', 'simulate', '--', ...args].map(shellWord).join(' ');
  return { args, text, note };
}
