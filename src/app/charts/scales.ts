// Scale and tick helpers shared by the charts (d3 for the maths; React draws the ticks).
import type { ScaleContinuousNumeric } from 'd3';

export interface Tick {
  value: number;
  /** Empty for minor ticks of a log axis (drawn short, no grid line, no label). */
  label: string;
}

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** How many ticks fit along `pixels` when each wants about `spacing` pixels (at least 2). */
export function tickCount(pixels: number, spacing: number): number {
  return Math.max(2, Math.floor(pixels / spacing));
}

/**
 * Ticks of a linear or log scale. On a log scale every tick d3 proposes is kept (the 2..9 multiples
 * give the eye the decades) but only some are labelled (see logTickLabelled).
 */
export function scaleTicks(
  scale: ScaleContinuousNumeric<number, number>,
  count: number,
  fmt: (value: number) => string,
  log: boolean,
): Tick[] {
  const values = scale.ticks(count);
  if (!log) return values.map((value) => ({ value, label: fmt(value) }));
  const ticks = values.map((value) => ({ value, label: logTickLabelled(value, count, values.length) ? fmt(value) : '' }));
  // A domain inside one decade may have no labelled tick at all: label its ends instead.
  if (!ticks.some((t) => t.label !== '') && ticks.length > 0) {
    ticks[0] = { ...ticks[0], label: fmt(ticks[0].value) };
    const last = ticks.length - 1;
    ticks[last] = { ...ticks[last], label: fmt(ticks[last].value) };
  }
  return ticks;
}

/**
 * Whether a base-10 log tick gets a label. With `n` ticks proposed for a wanted `count`, the budget
 * per decade is k = 10 * count / n (as in d3's log tickFormat); the leading digits labelled are then
 * 1..9 (k >= 9), 1, 2 and 5 (k >= 3), or only the powers of ten.
 */
export function logTickLabelled(value: number, count: number, n: number): boolean {
  if (!(value > 0)) return false;
  const k = (10 * count) / Math.max(1, n);
  const lead = Math.round(value / 10 ** Math.floor(Math.log10(value) + 1e-9));
  if (k >= 9) return true;
  if (k >= 3) return lead === 1 || lead === 2 || lead === 5;
  return lead === 1;
}

/**
 * The extent of the positive finite values, for a log scale ([lo, hi] with lo < hi).
 * Falls back to `fallback` when there are none; widens a single value by a factor of 2 each way.
 */
export function positiveExtent(values: Iterable<number>, fallback: [number, number]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!(v > 0) || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return fallback;
  if (lo === hi) return [lo / 2, hi * 2];
  return [lo, hi];
}

/** [0, max] of the finite values (at least [0, 1]) for a linear scale from zero. */
export function zeroExtent(values: Iterable<number>): [number, number] {
  let hi = 0;
  for (const v of values) if (Number.isFinite(v) && v > hi) hi = v;
  return [0, hi > 0 ? hi : 1];
}

/** A plot height that follows the width (`ratio`) within [min, max]. */
export function chartHeight(width: number, ratio: number, min: number, max: number): number {
  return Math.round(Math.min(max, Math.max(min, width * ratio)));
}

/** The font size the charts' margins and offsets are designed for; they scale with the real one. */
export const BASE_FONT_PX = 13;

/** Margins designed at BASE_FONT_PX, scaled to `fontPx` (projector mode uses larger type). */
export function scaleMargin(base: Margin, fontPx: number): Margin {
  const k = fontPx / BASE_FONT_PX;
  return {
    top: Math.round(base.top * k),
    right: Math.round(base.right * k),
    bottom: Math.round(base.bottom * k),
    left: Math.round(base.left * k),
  };
}

/** Clamp `value` into [lo, hi]. */
export function clamp(value: number, lo: number, hi: number): number {
  return value < lo ? lo : value > hi ? hi : value;
}

/** Approximate width of a label in pixels (no measuring: it must stay cheap on every slider tick). */
export function textWidth(text: string, fontPx: number): number {
  return text.length * fontPx * 0.58;
}

/** Make a React useId() value safe inside url(#…) references. */
export function domId(reactId: string, suffix: string): string {
  return `c${reactId.replace(/[^A-Za-z0-9_-]/g, '')}-${suffix}`;
}
