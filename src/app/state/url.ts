// The scenario in the address bar (TensorFlow Playground's state table, Excalidraw's restoreAppState):
// one query key per field of the model's FIELDS table (its command-line flag), a `v` version, and
// `?preset=<id>` as a short form. Reading is defensive: only known keys are copied, every number is
// parsed strictly and clamped into the control's range, anything else falls back to its default and
// is listed in `ignored` (plain text, truncated) for the notice. It never throws. Beside the fields,
// `trace=<name>` names a shipped trace, `compare=qemu,postcopy` the policies overlaid on the curves and
// `overlay=model,qemu72` what else is drawn over them (overlays.ts).
import { DEFAULT_SCENARIO, FIELDS, POLICIES, validateScenario, type Field, type PolicyName, type Scenario } from '../../model/index.ts';
import { PRESETS } from '../../model/presets.ts';
import { FIELD_BY_FLAG, clampToField, fitWorkingSet, uiRange } from './ranges.ts';
import { decodePins, encodePin, type Pin } from './pins.ts';
import { SHIPPED_TRACES, isShippedTrace, type ShippedTraceName } from './shippedTraces.ts';
import { decodeClassroom, isClassroomKey, type Classroom } from './classroom.ts';
import { overlayText, readOverlays, type Overlay } from './overlays.ts';

export const URL_VERSION = 1;
/** Longer links are cut here: nothing legitimate comes near it (six pins with emoji names take ~5,000). */
export const MAX_QUERY_CHARS = 8000;
// Every field, trace, compare, overlay, six pins and every classroom key (state/classroom.ts) fit with room to spare.
const MAX_PARAMS = 72;
const MAX_VALUE_CHARS = 40;
const MAX_NOTES = 8;
/** How a null number is written: the working set "all" of the VM, no compressor limit. */
const NONE = 'all';

export interface DecodedUrl {
  scenario: Scenario;
  /** The preset named by `?preset=`, when it exists. */
  presetId: string | null;
  /** What was ignored or changed, in words; empty when the link was clean. */
  ignored: string[];
  /** The link held any state at all (so it is rewritten into canonical form). */
  hadState: boolean;
  /** A shipped trace named by `trace=`. */
  trace: ShippedTraceName | null;
  /** Policies named by `compare=`, in POLICIES order. */
  compare: PolicyName[];
  /** Scenarios pinned for comparison (`pin=`, in order). */
  pins: Pin[];
  /** What the curves chart draws over its curves (`overlay=`, in OVERLAYS order). */
  overlays: Overlay[];
  /** The classroom keys (teaching mode, hidden groups, embed, lesson): see classroom.ts. */
  classroom: Classroom;
}

/** What the URL holds besides the scenario. */
export interface UrlExtras {
  trace: ShippedTraceName | null;
  compare: readonly PolicyName[];
  pins?: readonly Pin[];
  overlays?: readonly Overlay[];
}

/** Text from a link, safe to show: no control characters, short. */
export function safeText(raw: string, max = 24): string {
  const flat = Array.from(raw.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim());
  return flat.length > max ? `${flat.slice(0, max).join('')}…` : flat.join('');
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** A strict decimal: no hex, no "Infinity", no empty string, no 1e309. */
function parseNumber(raw: string): number | null {
  if (raw.length > MAX_VALUE_CHARS || !NUMBER.test(raw)) return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

function formatDefault(field: Field, value: unknown): string {
  if (value === null) return field.key === 'wssPages' ? 'the whole VM' : 'none';
  return field.kind === 'number' && field.unit ? `${value} ${field.unit}` : String(value);
}

/** Reads one field's raw text; returns the value and, when it was not taken as is, a note. */
export function readField(field: Field, raw: string, fallback: unknown): { value: unknown; note: string | null } {
  const shown = `"${safeText(raw)}"`;
  if (field.kind === 'choice') {
    if (field.options.includes(raw)) return { value: raw, note: null };
    return { value: fallback, note: `${field.flag}: ${shown} is not one of ${field.options.join(', ')}; kept ${formatDefault(field, fallback)}` };
  }
  if (field.kind === 'flag') {
    if (raw === 'true' || raw === 'false') return { value: raw === 'true', note: null };
    return { value: fallback, note: `${field.flag}: ${shown} is not true or false; kept ${formatDefault(field, fallback)}` };
  }
  if (field.nullable && raw === NONE) return { value: null, note: null };
  const n = parseNumber(raw);
  if (n === null) return { value: fallback, note: `${field.flag}: ${shown} is not a number; kept ${formatDefault(field, fallback)}` };
  const clamped = clampToField(field, n);
  if (clamped === n) return { value: n, note: null };
  const { min, max } = uiRange(field);
  const unit = field.unit ? ` ${field.unit}` : '';
  return { value: clamped, note: `${field.flag}: ${shown} is outside ${min}–${max}${unit}${field.powerOfTwo ? ' (a power of two)' : field.integer ? ' (whole)' : ''}; used ${clamped}` };
}

function splitParams(text: string): [string, string][] {
  try {
    return Array.from(new URLSearchParams(text).entries());
  } catch {
    return [];
  }
}

/** Decodes `location.search` (and a `#key=value` hash, which some shared links use). */
export function decodeUrl(search: string, hash = ''): DecodedUrl {
  const ignored: string[] = [];
  let query = search.startsWith('?') ? search.slice(1) : search;
  if (query.length > MAX_QUERY_CHARS) {
    ignored.push(`the link's settings are ${query.length.toLocaleString('en')} characters long; only the first ${MAX_QUERY_CHARS.toLocaleString('en')} were read`);
    // Cut at a parameter's end: a value cut short (a pin missing its last fields) must not be read.
    query = query.slice(0, MAX_QUERY_CHARS);
    query = query.slice(0, Math.max(0, query.lastIndexOf('&')));
  }
  const entries = splitParams(query);
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (fragment) {
    if (fragment.includes('=') && fragment.length <= MAX_QUERY_CHARS) entries.push(...splitParams(fragment));
    else ignored.push(`the part after # ("${safeText(fragment)}") was ignored`);
  }
  if (entries.length > MAX_PARAMS) {
    ignored.push(`${entries.length - MAX_PARAMS} settings past the first ${MAX_PARAMS} were ignored`);
    entries.length = MAX_PARAMS;
  }

  // Only the keys of the field table are ever read, each once, into a fresh object.
  const raw = new Map<string, string>();
  let presetRaw: string | null = null;
  let versionRaw: string | null = null;
  let traceRaw: string | null = null;
  let compareRaw: string | null = null;
  let overlayRaw: string | null = null;
  const pinRaws: string[] = [];
  const unknown: string[] = [];
  for (const [key, value] of entries) {
    if (key === 'v') versionRaw ??= value;
    else if (key === 'preset') presetRaw ??= value;
    else if (key === 'trace') traceRaw ??= value;
    else if (key === 'compare') compareRaw ??= value;
    else if (key === 'overlay') overlayRaw ??= value;
    else if (key === 'pin') pinRaws.push(value);
    else if (isClassroomKey(key)) continue;
    else if (FIELD_BY_FLAG.has(key)) {
      if (raw.has(key)) ignored.push(`${key}: repeated; the first value was used`);
      else raw.set(key, value);
    } else unknown.push(key);
  }
  if (unknown.length) {
    const names = unknown.slice(0, 5).map((k) => `"${safeText(k, 16)}"`).join(', ');
    ignored.push(`unknown setting${unknown.length > 1 ? 's' : ''} ${names}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''} ignored`);
  }
  if (versionRaw !== null && versionRaw !== String(URL_VERSION)) {
    ignored.push(`version "${safeText(versionRaw, 12)}" is not supported; the link was read as version ${URL_VERSION}`);
  }

  let base: Scenario = { ...DEFAULT_SCENARIO };
  let presetId: string | null = null;
  if (presetRaw !== null) {
    const preset = PRESETS.find((p) => p.id === presetRaw);
    if (preset) {
      presetId = preset.id;
      base = clampScenario(preset.scenario);
    } else ignored.push(`preset "${safeText(presetRaw)}" does not exist; ignored`);
  }

  const scenario: Scenario = { ...base };
  const out = scenario as unknown as Record<string, unknown>;
  for (const field of FIELDS) {
    const text = raw.get(field.flag);
    if (text === undefined) continue;
    const { value, note } = readField(field, text, out[field.key]);
    out[field.key] = value;
    if (note) ignored.push(note);
  }

  let result = fitWorkingSet(scenario);
  if (result.wssPages !== scenario.wssPages) ignored.push(`wss: larger than the VM; used the VM's ${result.wssPages} pages`);
  const check = validateScenario(result);
  if (!check.ok) {
    ignored.push(`the settings did not fit together (${safeText(check.issues[0].message, 60)}); used the defaults`);
    result = { ...DEFAULT_SCENARIO };
    presetId = null;
  }
  const trace = readTrace(traceRaw, ignored);
  const compare = readCompare(compareRaw, ignored);
  const pins = decodePins(pinRaws, ignored);
  const overlays = readOverlays(overlayRaw, ignored);
  const classroom = decodeClassroom(entries);
  ignored.push(...classroom.ignored);
  if (ignored.length > MAX_NOTES) ignored.splice(MAX_NOTES - 1, ignored.length, `and ${ignored.length - MAX_NOTES + 1} more problems`);
  return { scenario: result, presetId, ignored, hadState: entries.length > 0 || fragment.length > 0, trace, compare, pins, overlays, classroom: classroom.classroom };
}

function readTrace(raw: string | null, ignored: string[]): ShippedTraceName | null {
  if (raw === null || raw === '' || raw === 'none') return null;
  if (isShippedTrace(raw)) return raw;
  ignored.push(`trace: "${safeText(raw)}" is not one of ${SHIPPED_TRACES.map((t) => t.name).join(', ')}; ignored (uploaded traces cannot be in a link)`);
  return null;
}

function readCompare(raw: string | null, ignored: string[]): PolicyName[] {
  if (raw === null || raw === '') return [];
  const names = raw.split(',').slice(0, POLICIES.length + 4);
  const bad = names.filter((n) => !(POLICIES as readonly string[]).includes(n));
  if (bad.length) ignored.push(`compare: "${safeText(bad[0])}" is not one of ${POLICIES.join(', ')}; ignored`);
  return POLICIES.filter((p) => names.includes(p));
}

/** Every field of a trusted scenario brought into the controls' ranges (presets may reach past them). */
export function clampScenario(s: Scenario): Scenario {
  const out = { ...s } as unknown as Record<string, unknown>;
  for (const field of FIELDS) {
    const value = out[field.key];
    if (field.kind === 'number' && typeof value === 'number') out[field.key] = clampToField(field, value);
  }
  return fitWorkingSet(out as unknown as Scenario);
}

/** A field's value as the link writes it: `all` for a null number, else its text. */
export function fieldText(value: unknown): string {
  return value === null ? NONE : String(value);
}

/** The query string (without "?") that reproduces `s` exactly: every field, so defaults may change later. */
export function encodeScenario(s: Scenario): string {
  const params = new URLSearchParams({ v: String(URL_VERSION) });
  const values = s as unknown as Record<string, unknown>;
  for (const field of FIELDS) {
    const value = values[field.key];
    params.set(field.flag, fieldText(value));
  }
  return params.toString();
}

/** The scenario's query string with the trace, the compared policies, the overlays and the pins, when there are any. */
export function encodeState(s: Scenario, extras: UrlExtras): string {
  const params = new URLSearchParams(encodeScenario(s));
  if (extras.trace) params.set('trace', extras.trace);
  if (extras.compare.length) params.set('compare', POLICIES.filter((p) => extras.compare.includes(p)).join(','));
  const overlays = overlayText(extras.overlays ?? []);
  if (overlays) params.set('overlay', overlays);
  for (const pin of extras.pins ?? []) params.append('pin', encodePin(pin));
  return params.toString();
}

/** The short shareable form of a preset. */
export function presetQuery(id: string): string {
  return new URLSearchParams({ v: String(URL_VERSION), preset: id }).toString();
}
