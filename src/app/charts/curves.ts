// Data preparation for the downtime / migration-time curves (Akoush Fig. 1): pure, no DOM.
import { bisector } from 'd3';
import { bounds, type Bounds } from '../../model/bounds.ts';
import { closedForm, naiveMigrationTimeS } from '../../model/closed-form.ts';
import type { RunResult } from '../../model/result.ts';
import type { Scenario } from '../../model/scenario.ts';
import { logSpace, type SweepPoint } from '../../model/sweep.ts';
import { LINK_PRESETS } from '../../model/units.ts';
import { formatDuration, formatMbps, formatRate, formatRatePages } from './format.ts';
import { positiveExtent, zeroExtent } from './scales.ts';
import type { CurveSeries } from './types.ts';

/** Rates the x axis spans before any sweep point has arrived (pages/s). */
export const DEFAULT_RATE_DOMAIN: [number, number] = [100, 1e6];

export type Metric = 'downtimeS' | 'migrationTimeS';

export interface PanelInfo {
  metric: Metric;
  title: string;
  axisLabel: string;
}

/** Akoush Fig. 1(a) and 1(b). */
export const PANELS: readonly PanelInfo[] = [
  { metric: 'downtimeS', title: 'Downtime', axisLabel: 'Downtime (s)' },
  { metric: 'migrationTimeS', title: 'Total migration time', axisLabel: 'Total migration time (s)' },
];

/**
 * The colour of a series as a CSS custom property: a preset link keeps its colour whether or not it is
 * the current one (--series-1..3 for 100 Mbps, 1 Gbps, 10 Gbps); any other link is --series-4.
 */
export function seriesColourVar(linkMbps: number): string {
  const i = LINK_PRESETS.findIndex((p) => Math.abs(p.goodputMbps - linkMbps) < 1e-9);
  return `--series-${i >= 0 ? i + 1 : 4}`;
}

/** A series' stroke: a pinned scenario's own colour, else its link's custom property. */
export function seriesColour(s: Pick<CurveSeries, 'linkMbps' | 'pin'>): string {
  return s.pin ? s.pin.colour : `var(${seriesColourVar(s.linkMbps)})`;
}

/** A pinned scenario's curve is dotted. */
export const PIN_DASH = '1.5 3.5';

/** A React key for a series: its id, or link, policy and `current`. */
export function seriesKey(s: CurveSeries): string {
  return s.id ?? `${s.linkMbps}-${s.policy ?? ''}-${s.current}`;
}

/** A series of another policy than the scenario's, overlaid for comparison (dashed, no bounds); a pin is not one. */
export function isCompared(s: CurveSeries, scenario: Pick<Scenario, 'policy'>): boolean {
  return !s.pin && s.policy !== undefined && s.policy !== scenario.policy;
}

/** Draw order: the current series last, so it sits on top. */
export function drawOrder(series: readonly CurveSeries[]): CurveSeries[] {
  return [...series.filter((s) => !s.current), ...series.filter((s) => s.current)];
}

export interface SeriesBounds {
  linkMbps: number;
  bounds: Bounds;
}

/** Eq. 3 and 4 for each series' link with the scenario's VM size, page size and overheads. */
export function seriesBounds(scenario: Scenario, series: readonly CurveSeries[]): SeriesBounds[] {
  return series.map((s) => ({ linkMbps: s.linkMbps, bounds: bounds({ ...scenario, linkMbps: s.linkMbps }) }));
}

/** The policies the chart shows besides the scenario's own (for the legend and the text alternative). */
export function comparedPolicyNames(series: readonly CurveSeries[], scenario: Pick<Scenario, 'policy'>): string[] {
  return [...new Set(series.filter((s) => isCompared(s, scenario)).map((s) => s.policy!))];
}

export interface Marker {
  /** The scenario's dirty rate (may be 0). */
  rate: number;
  /** The rate is 0 (or below the axis): the marker is pinned at the axis' left edge. */
  pinned: boolean;
  migrationTimeS: number;
  downtimeS: number;
}

export function markerFor(scenario: Scenario, result: RunResult | null, rateDomain: [number, number]): Marker | null {
  if (!result) return null;
  const rate = scenario.dirtyRate;
  return {
    rate,
    pinned: !(rate > 0) || rate < rateDomain[0],
    migrationTimeS: result.migrationTimeS,
    downtimeS: result.downtimeS,
  };
}

/**
 * The x (rate) domain: the swept rates and the scenario's rate if it is positive; the default range
 * while nothing has arrived. Log scale, so only positive rates count.
 */
export function rateDomain(series: readonly CurveSeries[], scenarioRate: number): [number, number] {
  const rates: number[] = [];
  for (const s of series) for (const p of s.points) rates.push(p.rate);
  if (!rates.some((r) => r > 0)) rates.push(...DEFAULT_RATE_DOMAIN);
  if (scenarioRate > 0) rates.push(scenarioRate);
  return positiveExtent(rates, DEFAULT_RATE_DOMAIN);
}

/**
 * The y domain of one panel: every point, every series' bounds (so the axis stays put while the sweep
 * fills in) and the marker.
 */
export function metricDomain(
  metric: Metric,
  series: readonly CurveSeries[],
  allBounds: readonly SeriesBounds[],
  marker: Marker | null,
  log: boolean,
  extra: readonly number[] = [],
): [number, number] {
  const values: number[] = [...extra];
  for (const s of series) for (const p of s.points) values.push(p[metric]);
  for (const b of allBounds) values.push(b.bounds[metric].lower, b.bounds[metric].upper);
  if (marker) values.push(marker[metric]);
  return log ? positiveExtent(values, [0.1, 10]) : zeroExtent(values);
}

const byRate = bisector((p: SweepPoint) => p.rate);

/** Index of the point nearest `rate` on a log axis (points sorted by rate), or -1 if there are none. */
export function nearestPointIndex(points: readonly SweepPoint[], rate: number): number {
  if (points.length === 0) return -1;
  const i = byRate.left(points, rate);
  if (i <= 0) return 0;
  if (i >= points.length) return points.length - 1;
  const lo = points[i - 1].rate;
  const hi = points[i].rate;
  if (!(rate > 0) || !(lo > 0)) return rate - lo <= hi - rate ? i - 1 : i;
  return Math.log(rate / lo) <= Math.log(hi / rate) ? i - 1 : i;
}

/** The swept rate nearest `rate` over all series (what the hover snaps to), or null with no points. */
export function snapRate(series: readonly CurveSeries[], rate: number): number | null {
  let best: number | null = null;
  let bestDist = Infinity;
  for (const s of series) {
    const i = nearestPointIndex(s.points, rate);
    if (i < 0) continue;
    const r = s.points[i].rate;
    const d = Math.abs(Math.log(r) - Math.log(rate));
    if (d < bestDist) {
      bestDist = d;
      best = r;
    }
  }
  return best;
}

export interface HoverRow {
  series: CurveSeries;
  point: SweepPoint;
}

/** Each series' point nearest the snapped rate (series without points left out). */
export function hoverRows(series: readonly CurveSeries[], rate: number): HoverRow[] {
  const rows: HoverRow[] = [];
  for (const s of series) {
    const i = nearestPointIndex(s.points, rate);
    if (i >= 0) rows.push({ series: s, point: s.points[i] });
  }
  return rows;
}

/** The rates of all series merged and sorted, for the table. */
export function tableRates(series: readonly CurveSeries[]): number[] {
  const set = new Set<number>();
  for (const s of series) for (const p of s.points) set.add(p.rate);
  return [...set].sort((a, b) => a - b);
}

/** Lookup of a series' point by exact rate, for the table. */
export function pointAt(s: CurveSeries, rate: number): SweepPoint | undefined {
  const i = byRate.left(s.points, rate);
  return s.points[i]?.rate === rate ? s.points[i] : undefined;
}

export function markerTooltip(marker: Marker, pageBytes: number): { title: string; rows: [string, string][] } {
  const rate = marker.pinned && !(marker.rate > 0)
    ? `${formatRatePages(0)}: idle VM, pinned at the left edge (a log axis has no 0)`
    : marker.pinned
      ? `${formatRate(marker.rate, pageBytes)}, pinned at the left edge`
      : formatRate(marker.rate, pageBytes);
  return {
    title: 'Current scenario',
    rows: [
      ['Dirty rate', rate],
      ['Migration time', formatDuration(marker.migrationTimeS)],
      ['Downtime', formatDuration(marker.downtimeS)],
    ],
  };
}

/** The SVG's aria-label. */
export function curvesSummary(
  series: readonly CurveSeries[],
  marker: Marker | null,
  domain: [number, number],
  pageBytes: number,
): string {
  const links = series.length
    ? series.map((s) => `${s.label}${s.current ? ' (current)' : ''}`).join('; ')
    : 'no links yet';
  const points = series.reduce((n, s) => n + s.points.length, 0);
  const current = marker
    ? ` Current scenario at ${formatRate(marker.rate, pageBytes)}: migration time ${formatDuration(marker.migrationTimeS)}, downtime ${formatDuration(marker.downtimeS)}.`
    : ' Current scenario still computing.';
  return (
    `Two line charts, downtime and total migration time against page dirty rate on a log scale from ` +
    `${formatRatePages(domain[0])} to ${formatRatePages(domain[1])}, with the Eq. 3 and 4 bounds dashed, ` +
    `for ${series.length} link${series.length === 1 ? '' : 's'}: ${links}. ${points} points.${current}`
  );
}

export function seriesLegendLabel(s: CurveSeries): string {
  return s.label || formatMbps(s.linkMbps);
}

/** The closed-form estimate at one rate (the same fields the chart reads from a SweepPoint). */
export type ModelPoint = Pick<SweepPoint, 'rate' | 'migrationTimeS' | 'downtimeS' | 'iterations'>;

/** The overlay's point nearest `rate` (points sorted by rate), or undefined with none. */
export function nearestModelPoint(points: readonly ModelPoint[], rate: number): ModelPoint | undefined {
  const i = nearestPointIndex(points as SweepPoint[], rate);
  return i >= 0 ? points[i] : undefined;
}

export interface ModelOverlay {
  /** The geometric series for the scenario's own link, over the x domain. */
  closedForm: ModelPoint[];
  /** RAM / bandwidth: one horizontal line on the migration-time panel. */
  naiveS: number;
}

/** Points of the closed-form curve before any sweep point (O(iterations) each: cheap on the main thread). */
export const MODEL_POINTS = 81;

/**
 * The overlay at the swept rates (so the table's columns line up with the sweep's), or log-spaced over
 * the domain while nothing has been swept.
 */
export function modelOverlay(scenario: Scenario, series: readonly CurveSeries[], domain: [number, number]): ModelOverlay {
  const swept = tableRates(series).filter((r) => r > 0);
  const rates = swept.length > 1 ? swept : logSpace(domain[0], domain[1], MODEL_POINTS);
  const closed = rates.map((rate) => {
    const c = closedForm({ ...scenario, dirtyRate: rate });
    return { rate, migrationTimeS: c.migrationTimeS, downtimeS: c.downtimeS, iterations: c.iterations };
  });
  return { closedForm: closed, naiveS: naiveMigrationTimeS(scenario) };
}

/** Where the closed form and the simulator part, and why: shown under the chart with the overlay. */
export const MODEL_PARTING =
  'For a sequential writer below the knee (about 0.7 of the link\'s page rate) the closed form and the ' +
  'simulator agree: every write dirties a page not yet resent, and nothing is skipped. Past the knee the ' +
  'series resends everything written, so its iterations grow to the whole VM until the 3x-VM cap ends them, ' +
  'while Xen peeks at the dirty bitmap before each batch and skips pages written again since, so it sends ' +
  'less. Random writers (uniform, hot/cold) rewrite pages they have already dirtied, so the simulated ' +
  'curve is lower even below the knee. The naive RAM / bandwidth line ignores the overheads and every ' +
  'page written: it lies under the current link\'s curve at every rate.';
