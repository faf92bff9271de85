// The ranges the app's controls offer. Most are narrower than the model's FIELDS (a dirty rate of 10^9
// pages/s needs no slider); the VM goes as far as the model, 16 TiB. The URL reader clamps into them
// too, so whatever a link holds, the controls can show it.
import { FIELDS, MAX_PAGES, pagesOf, type Field, type NumberField, type Scenario } from '../../model/index.ts';

export interface UiRange {
  min: number;
  max: number;
}

export const UI_RANGES: Readonly<Record<string, UiRange>> = {
  vmMiB: { min: 64, max: 16_777_216 }, // 64 MiB .. 16 TiB, the model's own limit
  linkMbps: { min: 10, max: 100_000 }, // 10 Mbit/s .. 100 Gbit/s
  dirtyRate: { min: 0, max: 1_000_000 },
  wssPages: { min: 1, max: MAX_PAGES }, // and at most the VM's pages (see fitWorkingSet)
  hotFraction: { min: 0.001, max: 1 },
  hotShare: { min: 0, max: 1 },
  seed: { min: 0, max: 4_294_967_295 },
  preS: { min: 0, max: 60 },
  postS: { min: 0, max: 60 },
  pageBytes: { min: 4096, max: 2_097_152 }, // 4 KiB .. 2 MiB (x86 huge page)
  maxIterations: { min: 1, max: 100 },
  minDirtyPages: { min: 0, max: 100_000 },
  maxFactor: { min: 0, max: 20 },
  downtimeLimitMs: { min: 1, max: 60_000 },
  maxBandwidthMiBps: { min: 1, max: 100_000 },
  timeoutS: { min: 1, max: 3600 },
  vcpuLimit: { min: 0.01, max: 1 },
  zeroFraction: { min: 0, max: 1 },
  compressionRatio: { min: 1, max: 100 },
  compressMbps: { min: 10, max: 100_000 },
};

export const FIELD_BY_KEY: ReadonlyMap<keyof Scenario, Field> = new Map(FIELDS.map((f) => [f.key, f]));
export const FIELD_BY_FLAG: ReadonlyMap<string, Field> = new Map(FIELDS.map((f) => [f.flag, f]));

export function numberField(key: keyof Scenario): NumberField {
  const field = FIELD_BY_KEY.get(key);
  if (!field || field.kind !== 'number') throw new Error(`${key} is not a number field`);
  return field;
}

/** The range a control offers: the UI range within the model's own limits. */
export function uiRange(field: NumberField): UiRange {
  const ui = UI_RANGES[field.key] ?? { min: field.min, max: field.max };
  return { min: Math.max(ui.min, field.min), max: Math.min(ui.max, field.max) };
}

/**
 * Brings a finite number into a field's UI range and form (whole, power of two). Returns the
 * value unchanged when it already fits.
 */
export function clampToField(field: NumberField, value: number): number {
  const { min, max } = uiRange(field);
  let v = Math.min(max, Math.max(min, value));
  if (field.powerOfTwo) v = 2 ** Math.round(Math.log2(v));
  else if (field.integer) v = Math.round(v);
  v = Math.min(max, Math.max(min, v));
  // An excluded minimum (a link of 0 Mbit/s) is never inside a UI range, but guard anyway.
  if (field.minExclusive && v <= field.min) v = min > field.min ? min : field.max;
  return v;
}

/** The working set can never exceed the VM: a smaller VM (or larger pages) pulls it down. */
export function fitWorkingSet(s: Scenario): Scenario {
  if (s.wssPages === null) return s;
  const pages = pagesOf(s.vmMiB, s.pageBytes);
  return s.wssPages > pages ? { ...s, wssPages: pages } : s;
}
