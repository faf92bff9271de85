// --trace: reads a dirty-rate trace, refusing files too large before reading them.
import { readFileSync, statSync } from 'node:fs';
import { TRACE_MAX_CHARS, parseTrace, type Trace } from '../model/index.ts';
import { UsageError } from './args.ts';

export function loadTrace(path: string): Trace {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new UsageError(`--trace: cannot read ${path}`);
  }
  if (size > TRACE_MAX_CHARS) throw new UsageError(`--trace: ${path} is ${(size / 1048576).toFixed(1)} MB; traces may be at most ${TRACE_MAX_CHARS / 1048576} MB`);
  const parsed = parseTrace(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new UsageError(`--trace: ${path}: ${parsed.error}`);
  return parsed.trace;
}
