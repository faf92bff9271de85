// Pinned scenarios (compare mode): up to six, each with a name and a colour, kept in the link as
// `pin=<colour>*<name>*<values>` ("*" and "_" need no escaping in a query). The values are every field
// of the model's FIELDS table in its order, joined by "_" (about 150 characters a pin, where key=value
// pairs would take 500): a field added to the
// end of the table later is missing from old links and takes its default, as the other keys do. The
// order of FIELDS is therefore frozen (pins.test.ts checks it). Reading is as defensive as url.ts:
// each value is parsed and clamped like its own key, a bad pin is reported and dropped, never thrown.
import { DEFAULT_SCENARIO, FIELDS, validateScenario, type Scenario } from '../../model/index.ts';
import { fitWorkingSet } from './ranges.ts';
import { fieldText, readField, safeText } from './url.ts';

export const MAX_PINS = 6;
/** Names are short: 32 characters, even as emoji, keep six pins well inside a link's limit. */
const MAX_NAME = 32;

/** Colours a pin can take (Okabe-Ito, the charts' palette family), by name for the picker. */
export const PIN_COLOURS = [
  { name: 'vermilion', value: '#d55e00' },
  { name: 'sky blue', value: '#56b4e9' },
  { name: 'bluish green', value: '#009e73' },
  { name: 'reddish purple', value: '#cc79a7' },
  { name: 'orange', value: '#e69f00' },
  { name: 'blue', value: '#0072b2' },
] as const;

export interface Pin {
  /** Stable within a page's life (not in the link). */
  id: string;
  name: string;
  /** An index into PIN_COLOURS. */
  colour: number;
  scenario: Scenario;
}

let nextId = 0;
export const newPinId = () => `pin-${++nextId}`;

/** A pin's name as it may be shown and linked: plain text, at most 32 characters, never empty. */
export function cleanName(raw: string, fallback: string): string {
  const flat = safeText(raw.replace(/\*/g, '-'), Number.MAX_SAFE_INTEGER);
  const text = Array.from(flat).slice(0, MAX_NAME).join('').trim();
  return text || fallback;
}

/** "Scenario <n>" with the first n no pin uses. */
export function defaultName(pins: readonly Pin[]): string {
  const names = new Set(pins.map((p) => p.name));
  let n = 1;
  while (names.has(`Scenario ${n}`)) n++;
  return `Scenario ${n}`;
}

/** The first colour no other pin uses (the first one again when all are taken). */
export function freeColour(pins: readonly Pin[]): number {
  const used = new Set(pins.map((p) => p.colour));
  const free = PIN_COLOURS.findIndex((_, i) => !used.has(i));
  return free < 0 ? pins.length % PIN_COLOURS.length : free;
}

export function encodePin(pin: Pin): string {
  const values = pin.scenario as unknown as Record<string, unknown>;
  const fields = FIELDS.map((f) => fieldText(values[f.key]));
  return `${pin.colour}*${pin.name}*${fields.join('_')}`;
}

/** Reads the `pin` values of a link; problems go to `ignored` in words. */
export function decodePins(raws: readonly string[], ignored: string[]): Pin[] {
  const pins: Pin[] = [];
  if (raws.length > MAX_PINS) ignored.push(`pin: ${raws.length} pinned scenarios; only the first ${MAX_PINS} were kept`);
  raws.slice(0, MAX_PINS).forEach((raw, i) => {
    const pin = decodePin(raw, i + 1, ignored);
    if (pin) pins.push(pin);
  });
  return pins;
}

function decodePin(raw: string, n: number, ignored: string[]): Pin | null {
  const parts = raw.split('*');
  if (parts.length !== 3) {
    ignored.push(`pin ${n}: "${safeText(raw)}" is not colour*name*values; ignored`);
    return null;
  }
  const [colourRaw, nameRaw, valuesRaw] = parts;
  const colourIndex = /^\d$/.test(colourRaw) ? Number(colourRaw) : -1;
  const colour = colourIndex >= 0 && colourIndex < PIN_COLOURS.length ? colourIndex : (n - 1) % PIN_COLOURS.length;
  if (colour !== colourIndex) ignored.push(`pin ${n}: colour "${safeText(colourRaw, 8)}" is not 0–${PIN_COLOURS.length - 1}; used ${PIN_COLOURS[colour].name}`);
  const name = cleanName(nameRaw, `Scenario ${n}`);
  const values = valuesRaw.split('_');
  if (values.length > FIELDS.length) {
    ignored.push(`pin ${n}: ${values.length} values, more than the ${FIELDS.length} settings; ignored`);
    return null;
  }
  const scenario = { ...DEFAULT_SCENARIO } as unknown as Record<string, unknown>;
  const notes: string[] = [];
  FIELDS.forEach((field, i) => {
    if (i >= values.length) return;
    const { value, note } = readField(field, values[i], scenario[field.key]);
    scenario[field.key] = value;
    if (note) notes.push(note);
  });
  if (notes.length) ignored.push(`pin ${n} (${name}): ${notes[0]}${notes.length > 1 ? ` and ${notes.length - 1} more` : ''}`);
  const fitted = fitWorkingSet(scenario as unknown as Scenario);
  const check = validateScenario(fitted);
  if (!check.ok) {
    ignored.push(`pin ${n} (${name}): the settings did not fit together; ignored`);
    return null;
  }
  return { id: newPinId(), name, colour, scenario: check.scenario };
}
