// Data preparation for the start-time chart (Akoush Table IV): migration time and downtime of the same
// workload for every start time over a trace, and their range. Pure, no DOM.
import { bisector } from 'd3';
import type { PolicyName } from '../../model/scenario.ts';
import { formatDuration, formatSeconds } from './format.ts';

/** One migration started at `startS` of the trace. */
export interface StartPoint {
  startS: number;
  migrationTimeS: number;
  downtimeS: number;
  iterations: number;
  pagesSent: number;
}

/** One policy over the trace's start times. */
export interface StartSeries {
  id: string;
  policy: PolicyName;
  label: string;
  /** The scenario's own policy (drawn emphasised; its range is the one reported). */
  current: boolean;
  /** Sorted by start time; partial while the sweep fills in. */
  points: StartPoint[];
}

export type StartMetric = 'downtimeS' | 'migrationTimeS';

export const START_PANELS: readonly { metric: StartMetric; title: string; axisLabel: string }[] = [
  { metric: 'downtimeS', title: 'Downtime', axisLabel: 'Downtime (s)' },
  { metric: 'migrationTimeS', title: 'Total migration time', axisLabel: 'Total migration time (s)' },
];

export interface Extreme {
  value: number;
  /** The earliest start time that gave it, s. */
  atS: number;
}

export interface MetricRange {
  min: Extreme;
  max: Extreme;
  mean: number;
}

export type StartRange = Record<StartMetric, MetricRange>;

function rangeOf(points: readonly StartPoint[], metric: StartMetric): MetricRange {
  let lo = points[0];
  let hi = points[0];
  let sum = 0;
  for (const p of points) {
    if (p[metric] < lo[metric]) lo = p;
    if (p[metric] > hi[metric]) hi = p;
    sum += p[metric];
  }
  return { min: { value: lo[metric], atS: lo.startS }, max: { value: hi[metric], atS: hi.startS }, mean: sum / points.length };
}

/** Min, max (each with the earliest start that gave it) and mean of both metrics; null without points. */
export function startRange(points: readonly StartPoint[]): StartRange | null {
  if (points.length === 0) return null;
  return { downtimeS: rangeOf(points, 'downtimeS'), migrationTimeS: rangeOf(points, 'migrationTimeS') };
}

const byStart = bisector((p: StartPoint) => p.startS);

/** Index of the point whose start is nearest `t`, or -1 without points. */
export function nearestStart(points: readonly StartPoint[], t: number): number {
  if (points.length === 0) return -1;
  const i = byStart.left(points, t);
  if (i <= 0) return 0;
  if (i >= points.length) return points.length - 1;
  return t - points[i - 1].startS <= points[i].startS - t ? i - 1 : i;
}

/** The y domain of one panel: [0, the highest value], at least [0, 0.001]. */
export function startDomain(series: readonly StartSeries[], metric: StartMetric, marker: number | null): [number, number] {
  let hi = 0;
  for (const s of series) for (const p of s.points) if (p[metric] > hi) hi = p[metric];
  if (marker !== null && marker > hi) hi = marker;
  return [0, hi > 0 ? hi : 0.001];
}

/** "14.2 s (start 0 s)". */
export function extremeText(e: Extreme): string {
  return `${formatDuration(e.value)} (start ${formatSeconds(e.atS)} s)`;
}

/** The SVG's aria-label. */
export function startSummary(series: readonly StartSeries[], endS: number): string {
  const current = series.find((s) => s.current);
  const range = current ? startRange(current.points) : null;
  const others = series.filter((s) => !s.current).map((s) => s.label);
  const text = range
    ? `Migration time from ${extremeText(range.migrationTimeS.min)} to ${extremeText(range.migrationTimeS.max)}; ` +
      `downtime from ${extremeText(range.downtimeS.min)} to ${extremeText(range.downtimeS.max)}.`
    : 'Still computing.';
  return (
    `Two line charts, downtime and total migration time against the trace time at which the migration starts, ` +
    `from 0 to ${formatSeconds(endS)} s, ${current ? `for ${current.label}` : ''}${others.length ? ` compared with ${others.join(', ')}` : ''}. ${text}`
  );
}
