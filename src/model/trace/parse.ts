// Dirty-rate traces for the HIST model (Akoush et al., Section IV-B): a log of the guest's page dirty rate
// over time, read from CSV. The format is documented in docs/TRACES.md:
//
//   # optional comment lines (the first ones describe the trace)
//   time_s,dirty_pages_per_s
//   0,1200
//   1,1350
//   ...
//   600,31000
//
// Each row's rate holds from its time until the next row's time. The last row marks the end of the log:
// its time is `endS`, and its rate is the one the guest keeps if a migration runs past the end. Times are
// shifted so that the first row is at 0.
import { csvParseRows } from 'd3';

export interface Trace {
  /** Start of each interval, s; strictly increasing, times[0] = 0. The last entry is the trace's end. */
  times: Float64Array;
  /** Page dirty rate from times[i] until times[i + 1], pages/s; the last one holds from endS on. */
  rates: Float64Array;
  /** End of the log, s (= the last row's time). */
  endS: number;
  /** The file's comment lines, without the leading '#' and one space. */
  comments?: string[];
}

export type ParseResult = { ok: true; trace: Trace } | { ok: false; error: string; line: number };

/** The one header the format accepts (compared case-insensitively, spaces around the names ignored). */
export const TRACE_HEADER = 'time_s,dirty_pages_per_s';
/** Longest file accepted, in characters (ASCII: bytes). */
export const TRACE_MAX_CHARS = 50 * 1024 * 1024;
/** Most data rows accepted. */
export const TRACE_MAX_ROWS = 2_000_000;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITE = /^[+-]?inf(?:inity)?$/i;
const NAN = /^[+-]?nan$/i;

/** Reads one numeric field, or returns what is wrong with it. */
function readNumber(name: string, raw: string): number | string {
  const text = raw.trim();
  if (text === '') return `${name} is empty`;
  if (NAN.test(text)) return `${name} "${text}" is not a number (NaN)`;
  if (INFINITE.test(text)) return `${name} "${text}" is not finite`;
  if (!NUMBER.test(text)) return `${name} "${text}" is not a number`;
  const value = Number(text);
  if (!Number.isFinite(value)) return `${name} "${text}" is too large (not finite)`;
  return value;
}

const fail = (line: number, error: string): ParseResult => ({ ok: false, error: `line ${line}: ${error}`, line });

/**
 * Parses a trace CSV. Errors name the 1-based line of the file and what is wrong with it; a file with no
 * header or no data rows is reported at its last line (line 1 if it is empty).
 */
export function parseTrace(text: string): ParseResult {
  if (text.length > TRACE_MAX_CHARS) {
    return fail(1, `the file is ${(text.length / 1048576).toFixed(1)} MB; traces may be at most ${TRACE_MAX_CHARS / 1048576} MB`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // byte-order mark

  // Split into lines ourselves so that comments, blank lines and line numbers are ours, not the CSV
  // parser's (a quote in a comment must not open a field).
  const comments: string[] = [];
  const dataLines: string[] = [];
  let lineNumbers = new Int32Array(1024);
  let headerSeen = false;
  let lineNo = 0;
  let lastLine = 0;
  let hasQuote = false;
  for (let pos = 0; pos < text.length; ) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    let line = text.slice(pos, end);
    pos = end + 1;
    lineNo++;
    if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1); // CRLF
    const first = line.trimStart();
    if (first === '') continue;
    lastLine = lineNo;
    if (first.charCodeAt(0) === 35 /* # */) {
      if (!headerSeen) comments.push(first.slice(1).replace(/^ /, '').trimEnd());
      continue;
    }
    if (!headerSeen) {
      const names = line.split(',').map((f) => f.trim().toLowerCase());
      if (names.join(',') !== TRACE_HEADER) {
        return fail(lineNo, `header "${line.trim()}" is not "${TRACE_HEADER}"`);
      }
      headerSeen = true;
      continue;
    }
    if (dataLines.length >= TRACE_MAX_ROWS) {
      return fail(lineNo, `more than ${TRACE_MAX_ROWS.toLocaleString('en-US')} data rows; traces may have at most that many`);
    }
    if (dataLines.length === lineNumbers.length) {
      const grown = new Int32Array(lineNumbers.length * 2);
      grown.set(lineNumbers);
      lineNumbers = grown;
    }
    lineNumbers[dataLines.length] = lineNo;
    dataLines.push(line);
    if (!hasQuote && line.includes('"')) hasQuote = true;
  }
  if (lineNo === 0) return fail(1, `the file is empty; expected the header "${TRACE_HEADER}"`);
  if (!headerSeen) return fail(lastLine || lineNo, `no header line "${TRACE_HEADER}" before the end of the file`);
  if (dataLines.length === 0) return fail(lastLine, 'no data rows after the header');

  // Without quotes every line is one CSV row, so the whole block parses in one call; with quotes each line
  // is parsed on its own, so that a stray quote cannot swallow the lines after it.
  const rows = hasQuote ? dataLines.map((l) => csvParseRows(l)[0] ?? ['']) : csvParseRows(dataLines.join('\n'));
  if (rows.length !== dataLines.length) return fail(lastLine, 'the rows could not be split into lines');

  const n = rows.length;
  const times = new Float64Array(n);
  const rates = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const at = lineNumbers[i];
    if (row.length !== 2) {
      return fail(at, `expected 2 columns (time_s, dirty_pages_per_s), found ${row.length}`);
    }
    const time = readNumber('time', row[0]);
    if (typeof time === 'string') return fail(at, time);
    if (time < 0) return fail(at, `time ${time} is negative`);
    const rate = readNumber('rate', row[1]);
    if (typeof rate === 'string') return fail(at, rate);
    if (rate < 0) return fail(at, `rate ${rate} is negative`);
    if (i > 0 && !(time > times[i - 1])) {
      return fail(at, `time ${time} is not after the previous row's time ${times[i - 1]} (line ${lineNumbers[i - 1]}); times must increase`);
    }
    times[i] = time === 0 ? 0 : time; // no -0
    rates[i] = rate === 0 ? 0 : rate;
  }

  // Shift so the log starts at 0. Subtracting can merge two times that differ by less than the
  // precision left after the shift; that is reported like any other repeated time.
  const t0 = times[0];
  if (t0 !== 0) {
    for (let i = 0; i < n; i++) {
      times[i] -= t0;
      if (i > 0 && !(times[i] > times[i - 1])) {
        return fail(lineNumbers[i], `time ${times[i] + t0} is too close to the previous row's to be told apart after shifting the log to start at 0`);
      }
    }
  }
  return { ok: true, trace: { times, rates, endS: times[n - 1], comments } };
}

/**
 * A trace from arrays (times need not start at 0; they are shifted like a file's). Throws on the errors
 * parseTrace reports. For tests and generators.
 */
export function traceFromSeries(times: ArrayLike<number>, rates: ArrayLike<number>, comments: string[] = []): Trace {
  if (times.length !== rates.length) throw new RangeError(`traceFromSeries: ${times.length} times but ${rates.length} rates`);
  if (times.length === 0) throw new RangeError('traceFromSeries: a trace needs at least one row');
  const t = Float64Array.from(times);
  const r = Float64Array.from(rates);
  const t0 = t[0];
  for (let i = 0; i < t.length; i++) {
    if (!Number.isFinite(t[i]) || t[i] < 0) throw new RangeError(`traceFromSeries: time ${t[i]} (row ${i}) is not a finite number >= 0`);
    if (!Number.isFinite(r[i]) || r[i] < 0) throw new RangeError(`traceFromSeries: rate ${r[i]} (row ${i}) is not a finite number >= 0`);
    t[i] -= t0;
    if (i > 0 && !(t[i] > t[i - 1])) throw new RangeError(`traceFromSeries: time of row ${i} does not increase`);
  }
  return { times: t, rates: r, endS: t[t.length - 1], comments };
}

/** Writes a trace as CSV in the documented format (comments first, then the header and one row per interval). */
export function formatTrace(trace: Trace, comments: readonly string[] = trace.comments ?? []): string {
  const out: string[] = comments.map((c) => (c === '' ? '#' : `# ${c}`));
  out.push(TRACE_HEADER);
  for (let i = 0; i < trace.times.length; i++) out.push(`${trace.times[i]},${trace.rates[i]}`);
  return out.join('\n') + '\n';
}
