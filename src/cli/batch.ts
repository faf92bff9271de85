// --batch: one JSON object of scenario flags per input line, one JSON result per output line. A bad
// line is reported on its own (stdout keeps one line per input line) and the others still run.
import { createInterface } from 'node:readline';
import { FIELDS } from '../model/index.ts';
import { UsageError, scenarioFromFlags } from './args.ts';

const flags = new Set([...FIELDS.map((f) => f.flag), 'exact']);

export interface BatchItem {
  line: number;
  flags: Record<string, unknown>;
  exact: boolean;
}

/** Parses one input line into flags, or throws a UsageError that says what is wrong. */
export function parseBatchLine(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError('not a JSON object');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError('not a JSON object');
  const unknown = Object.keys(value).filter((k) => !flags.has(k));
  if (unknown.length) throw new UsageError(`unknown key ${JSON.stringify(unknown[0]).slice(0, 40)} (keys are the flags without dashes)`);
  return value as Record<string, unknown>;
}

/** Runs `handle` for every non-empty line; returns the number of bad lines. */
export async function runBatch(
  input: NodeJS.ReadableStream,
  write: (text: string) => void,
  warn: (text: string) => void,
  handle: (flags: Record<string, unknown>, exact: boolean) => string,
): Promise<number> {
  let bad = 0;
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    if (!text.trim()) continue;
    try {
      const flagsIn = parseBatchLine(text);
      const { exact, ...rest } = flagsIn;
      scenarioFromFlags(rest); // validate before running, so errors name the flag
      write(handle(rest, exact === true));
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      bad++;
      warn(`line ${line}: ${error.message}`);
      write(JSON.stringify({ line, error: error.message }));
    }
  }
  return bad;
}
