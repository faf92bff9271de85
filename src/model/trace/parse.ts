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

/** The fields of a line with a double quote, split by d3's CSV parser (or what is wrong with the quoting). */
function quotedFields(line: string): string[] | string {
  let quotes = 0;
  for (let k = line.indexOf('"'); k >= 0; k = line.indexOf('"', k + 1)) quotes++;
  if (quotes % 2 === 1) return 'a double quote is not closed';
  return csvParseRows(line)[0] ?? [''];
}

const COLUMNS_ERROR = (found: number) => `expected 2 columns (time_s, dirty_pages_per_s), found ${found}`;

/**
 * Parses a trace CSV. Errors name the 1-based line of the file and what is wrong with it; a file with no
 * header or no data rows is reported at its last non-blank line (line 1 if it is empty).
 *
 * One pass over the text, line by line, so that comments, blank lines and line numbers are the file's (a
 * quote in a comment must not open a CSV field, and a stray quote cannot swallow the lines after it). A
 * line with a double quote is split by d3's csvParseRows; a line without one is split at its commas
 * directly, which is what csvParseRows does with such a line, without the cost of a general tokenizer
 * (through csvParseRows a 50 MB file took about four times as long).
 */
export function parseTrace(text: string): ParseResult {
  if (text.length > TRACE_MAX_CHARS) {
    return fail(1, `the file is ${(text.length / 1048576).toFixed(1)} MB; traces may be at most ${TRACE_MAX_CHARS / 1048576} MB`);
  }
  const len = text.length;
  const comments: string[] = [];
  let times: Float64Array = new Float64Array(1024);
  let rates: Float64Array = new Float64Array(1024);
  let n = 0;
  let headerSeen = false;
  let lineNo = 0;
  let lastLine = 0;
  let prevLine = 0;
  let nextQuote = text.indexOf('"');
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte-order mark
  while (pos < len) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = len;
    const lineStart = pos;
    let lineEnd = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end; // CRLF
    pos = end + 1;
    lineNo++;
    let p = lineStart;
    let c = 0;
    while (p < lineEnd && ((c = text.charCodeAt(p)) === 32 || c === 9)) p++;
    if (p === lineEnd) continue; // blank
    lastLine = lineNo;
    if (c === 35 /* # */) {
      if (!headerSeen) comments.push(text.slice(p + 1, lineEnd).replace(/^ /, '').trimEnd());
      continue;
    }
    if (!headerSeen) {
      const line = text.slice(lineStart, lineEnd);
      const names = line.split(',').map((f) => f.trim().toLowerCase());
      if (names.join(',') !== TRACE_HEADER) return fail(lineNo, `header "${line.trim()}" is not "${TRACE_HEADER}"`);
      headerSeen = true;
      continue;
    }
    if (n >= TRACE_MAX_ROWS) {
      return fail(lineNo, `more than ${TRACE_MAX_ROWS.toLocaleString('en-US')} data rows; traces may have at most that many`);
    }

    let timeText: string;
    let rateText: string;
    if (nextQuote >= 0 && nextQuote < lineStart) nextQuote = text.indexOf('"', lineStart);
    if (nextQuote >= 0 && nextQuote < lineEnd) {
      const fields = quotedFields(text.slice(lineStart, lineEnd));
      if (typeof fields === 'string') return fail(lineNo, fields);
      if (fields.length !== 2) return fail(lineNo, COLUMNS_ERROR(fields.length));
      [timeText, rateText] = fields;
    } else {
      const comma = text.indexOf(',', p);
      if (comma < 0 || comma >= lineEnd) return fail(lineNo, COLUMNS_ERROR(1));
      const extra = text.indexOf(',', comma + 1);
      if (extra >= 0 && extra < lineEnd) return fail(lineNo, COLUMNS_ERROR(text.slice(lineStart, lineEnd).split(',').length));
      timeText = text.slice(p, comma);
      rateText = text.slice(comma + 1, lineEnd);
    }

    const time = readNumber('time', timeText);
    if (typeof time === 'string') return fail(lineNo, time);
    if (time < 0) return fail(lineNo, `time ${time} is negative`);
    const rate = readNumber('rate', rateText);
    if (typeof rate === 'string') return fail(lineNo, rate);
    if (rate < 0) return fail(lineNo, `rate ${rate} is negative`);
    if (n > 0 && !(time > times[n - 1])) {
      return fail(lineNo, `time ${time} is not after the previous row's time ${times[n - 1]} (line ${prevLine}); times must increase`);
    }
    if (n === times.length) {
      times = grow(times);
      rates = grow(rates);
    }
    times[n] = time === 0 ? 0 : time; // no -0
    rates[n] = rate === 0 ? 0 : rate;
    n++;
    prevLine = lineNo;
  }
  if (lineNo === 0) return fail(1, `the file is empty; expected the header "${TRACE_HEADER}"`);
  if (!headerSeen) return fail(lastLine || lineNo, `no header line "${TRACE_HEADER}" before the end of the file`);
  if (n === 0) return fail(lastLine, 'no data rows after the header');

  times = times.slice(0, n);
  rates = rates.slice(0, n);
  // Shift so that the log starts at 0. Subtracting one number from increasing times keeps them
  // non-decreasing; an interval that rounding made empty would simply hold no writes.
  const t0 = times[0];
  if (t0 !== 0) for (let i = 0; i < n; i++) times[i] -= t0;
  return { ok: true, trace: { times, rates, endS: times[n - 1], comments } };
}

function grow(a: Float64Array): Float64Array {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
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
