// Data preparation for the per-iteration chart (Asterisk paper Fig. 5 and 6): pure, no DOM.
import { STOP_REASON_TEXT, type IterationRecord, type RunResult } from '../../model/result.ts';
import { formatDuration, formatInstant, formatPages } from './format.ts';

export type Measure = 'sent' | 'skipped' | 'dirtied';

export interface MeasureInfo {
  key: Measure;
  label: string;
  /** CSS custom property with its colour. */
  colourVar: string;
  value: (it: IterationRecord) => number;
}

/** The bars of each group, left to right. */
export const MEASURES: readonly MeasureInfo[] = [
  { key: 'sent', label: 'Pages sent', colourVar: '--sent', value: (it) => it.pagesSent },
  { key: 'skipped', label: 'Pages skipped', colourVar: '--skipped', value: (it) => it.pagesSkipped },
  { key: 'dirtied', label: 'Pages dirtied', colourVar: '--dirtied', value: (it) => it.pagesDirtied },
];

/** The lowest value of the log y axis: a bar of one page has no height, zero-page bars are not drawn. */
export const LOG_FLOOR = 1;

/** The largest value any bar reaches (0 when every count is 0). */
export function maxCount(iterations: readonly IterationRecord[]): number {
  let max = 0;
  for (const it of iterations) {
    for (const m of MEASURES) {
      const v = m.value(it);
      if (v > max) max = v;
    }
  }
  return max;
}

/** The y domain before d3's nice(): [0, max] linear, [1, max] log (at least one decade). */
export function countDomain(iterations: readonly IterationRecord[], log: boolean): [number, number] {
  const max = maxCount(iterations);
  if (log) return [LOG_FLOOR, Math.max(10, max)];
  return [0, Math.max(1, max)];
}

/**
 * Top and bottom pixel of a bar of `value` on `y` (`base` is the plot's bottom), or null when the bar
 * is not drawn (zero pages). Non-zero bars are at least `minPx` tall so a handful of pages still shows.
 */
export function barSpan(
  value: number,
  y: (v: number) => number,
  base: number,
  log: boolean,
  minPx = 1.5,
): { top: number; height: number } | null {
  if (!(value > 0)) return null;
  const top = log ? y(Math.max(value, LOG_FLOOR)) : y(value);
  const height = Math.max(minPx, base - top);
  return { top: base - height, height };
}

/** Label every `step`-th iteration so the x labels never collide (1, 2, 5, 10, …). */
export function labelStep(bandPx: number, labelPx: number): number {
  for (const step of [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]) {
    if (bandPx * step >= labelPx) return step;
  }
  return 1000;
}

/** Whether iteration `n` (1-based) of `count` gets an x label: every step-th, the first and the last. */
export function showIterationLabel(n: number, count: number, step: number): boolean {
  if (n === 1 || n === count || step === 1) return true;
  if (n % step !== 0) return false;
  // Keep clear of the first and the last label.
  return n - 1 >= step * 0.75 && count - n >= step * 0.75;
}

export function stopReasonLine(result: RunResult): string {
  // A policy may add reasons before their text exists: fall back to the id.
  const text = (STOP_REASON_TEXT as Partial<Record<string, string>>)[result.stopReason] ?? String(result.stopReason);
  return `Pre-copy ended: ${text}`;
}

/** One line per iteration for the tooltip. */
export function iterationTooltip(it: IterationRecord): { title: string; rows: [string, string][] } {
  return {
    title: it.final ? `Iteration ${it.iteration}: stop-and-copy` : `Iteration ${it.iteration}`,
    rows: [
      ['Time', `${formatInstant(it.startS, it.endS - it.startS)}–${formatInstant(it.endS, it.endS - it.startS)} s`],
      ['Duration', formatDuration(it.endS - it.startS)],
      ['Sent', `${formatPages(it.pagesSent)} pages`],
      ['Skipped', `${formatPages(it.pagesSkipped)} pages`],
      ['Dirtied', it.final ? '0 pages (VM paused)' : `${formatPages(it.pagesDirtied)} pages`],
    ],
  };
}

/** The SVG's aria-label. */
export function iterationSummary(result: RunResult): string {
  const its = result.perIteration;
  const last = its[its.length - 1];
  const precopy = its.length - (last?.final ? 1 : 0);
  const final = last?.final
    ? `, then a stop-and-copy of ${formatPages(last.pagesSent)} pages lasting ${formatDuration(last.endS - last.startS)}`
    : '';
  return (
    `Bar chart of pages sent, skipped and dirtied per iteration: ${precopy} pre-copy iteration${precopy === 1 ? '' : 's'}${final}. ` +
    `${formatPages(result.pagesSent)} pages sent in all. ${stopReasonLine(result)}.`
  );
}
