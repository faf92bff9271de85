// Downtime and total migration time against the page dirty rate, one curve per link, with the
// Eq. 3 and 4 bounds dashed and the current scenario as a marker (Akoush et al. Fig. 1). Series of
// other policies (CurveSeries.policy) are overlaid dashed, one dash pattern per policy.
import { line, pointer, scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';
import { memo, useMemo, useState, type PointerEvent, type ReactNode } from 'react';
import { POLICY_DASH } from '../policyNames.ts';
import type { Scenario } from '../../model/scenario.ts';
import type { SweepPoint } from '../../model/sweep.ts';
import { AxisBottom, AxisLeft, GridColumns, GridRows } from './Axis.tsx';
import { POLICY_TERM } from '../teach/glossary.ts';
import { ChartFrame, LegendDetail, LegendItem, LogToggle } from './ChartFrame.tsx';
import { legendDetailText, legendTermScope, legendText } from './LegendText.tsx';
import {
  curvesSummary,
  drawOrder,
  MODEL_PARTING,
  modelOverlay,
  nearestModelPoint,
  type ModelOverlay,
  hoverRows,
  isCompared,
  seriesKey,
  markerFor,
  markerTooltip,
  metricDomain,
  PANELS,
  pointAt,
  rateDomain,
  seriesBounds,
  seriesColour,
  seriesColourVar,
  PIN_DASH,
  seriesLegendLabel,
  snapRate,
  tableRates,
  type Marker,
  type Metric,
  type SeriesBounds,
} from './curves.ts';
import {
  formatDuration,
  formatMbps,
  formatPages,
  formatRate,
  formatRateMBps,
  formatRateTick,
  formatSeconds,
  formatSecondsTick,
} from './format.ts';
import { BASE_FONT_PX, chartHeight, scaleMargin, scaleTicks, textWidth, tickCount, type Tick } from './scales.ts';
import { Tooltip, tupleRows, type TooltipRow } from './Tooltip.tsx';
import type { CurveSeries, CurvesChartProps } from './types.ts';

const BASE_MARGIN = { top: 30, right: 18, bottom: 56, left: 66 };
/** Side by side from this width; stacked below it. */
const SIDE_BY_SIDE_MIN = 860;
const PANEL_GAP = 24;

/** In a given box, panels side by side when that gives each a shape nearer 3:2 than stacking does. */
function fillSideBySide(width: number, height: number, k: number): boolean {
  const halfW = (width - PANEL_GAP) / 2;
  // Too short to stack two legible panels (projector type): side by side while each keeps some width.
  if ((height - PANEL_GAP) / 2 < 150 * k) return halfW >= 140 * k;
  if (halfW < 230 * k) return false;
  const off = (w: number, h: number) => Math.abs(Math.log(w / Math.max(1, h) / 1.5));
  return off((width - PANEL_GAP) / 2, height) <= off(width, (height - PANEL_GAP) / 2);
}
/** How close (px) the pointer must come to the marker to show the marker's tooltip. */
const MARKER_HIT = 12;

/** Extra marks drawn in each panel, over the curves (e.g. measured points): given its metric and scales. */
export type CurvesExtra = (metric: Metric, x: (rate: number) => number, y: (value: number) => number, log: boolean) => ReactNode;

export interface CurvesChartOptions {
  title?: string | null;
  /** Controls shown under the chart's header (e.g. which policies to compare). */
  toolbar?: ReactNode;
  /** Notes on the curves, under the legend (e.g. when a cap makes curves coincide). */
  notes?: ReactNode;
  extra?: CurvesExtra;
  /** Whether the closed form and RAM / bandwidth are drawn (app state: it is in the link). */
  showModels: boolean;
  onShowModels: (on: boolean) => void;
}

type Hover =
  | { kind: 'rate'; rate: number; panel: number; px: number; py: number }
  | { kind: 'marker'; panel: number; px: number; py: number };

export function CurvesChart({
  scenario,
  series,
  result,
  title = 'Downtime and migration time against page dirty rate',
  toolbar,
  notes,
  extra,
  showModels,
  onShowModels,
}: CurvesChartProps & CurvesChartOptions) {
  const [log, setLog] = useState(true);
  const rawDomain = rateDomain(series, scenario.dirtyRate);
  // Same numbers, same array: a dirty-rate tick inside the swept range must not rebuild the scales.
  const domain = useMemo<[number, number]>(() => rawDomain, [rawDomain[0], rawDomain[1]]);
  const allBounds = useMemo(
    () => seriesBounds(scenario, series),
    // Only what bounds() reads: a slider moving the dirty rate must not recompute them.
    [series, scenario.vmMiB, scenario.pageBytes, scenario.preS, scenario.postS],
  );
  const marker = useMemo(() => markerFor(scenario, result, domain), [scenario, result, domain]);
  // The closed form and RAM / bandwidth for the current link (cheap: O(iterations) per rate). Keyed on
  // the scenario without its rate, so dragging the dirty rate leaves them alone.
  const modelKey = JSON.stringify({ ...scenario, dirtyRate: 0 });
  const overlay = useMemo(
    () => (showModels ? modelOverlay(scenario, series, domain) : null),
    [showModels, modelKey, series, domain],
  );
  return (
    <ChartFrame
      testId="chart-curves"
      title={title}
      controls={
        <>
          <LogToggle checked={log} onChange={setLog} />
          <LogToggle checked={showModels} onChange={onShowModels} label="Closed form and RAM/bandwidth" />
        </>
      }
      toolbar={toolbar}
      footnote={
        notes || overlay ? (
          <>
            {notes}
            {overlay ? <p className="chart__note" data-testid="model-parting">{MODEL_PARTING}</p> : null}
          </>
        ) : undefined
      }
      legend={<CurvesLegend series={series} scenario={scenario} overlay={overlay} />}
      renderTable={() => (
        <>
          <CurrentNote marker={marker} pageBytes={scenario.pageBytes} />
          <CurvesTable series={series} allBounds={allBounds} pageBytes={scenario.pageBytes} overlay={overlay} />
        </>
      )}
    >
      {({ width, fontPx, fillHeight }) => (
        <CurvesPlot
          width={width}
          fontPx={fontPx}
          fillHeight={fillHeight}
          log={log}
          scenario={scenario}
          series={series}
          allBounds={allBounds}
          marker={marker}
          domain={domain}
          overlay={overlay}
          extra={extra}
        />
      )}
    </ChartFrame>
  );
}

interface PlotProps {
  width: number;
  fontPx: number;
  fillHeight: number | null;
  log: boolean;
  scenario: Scenario;
  series: CurveSeries[];
  allBounds: SeriesBounds[];
  marker: Marker | null;
  domain: [number, number];
  overlay: ModelOverlay | null;
  extra?: CurvesExtra;
}

interface PanelGeometry {
  metric: Metric;
  title: string;
  axisLabel: string;
  /** Top-left corner of the panel in the SVG. */
  ox: number;
  oy: number;
  y: ScaleContinuousNumeric<number, number>;
  yTicks: Tick[];
}

function CurvesPlot({ width, fontPx, fillHeight, log, scenario, series, allBounds, marker, domain, overlay, extra }: PlotProps) {
  const [hover, setHover] = useState<Hover | null>(null);
  const k = fontPx / BASE_FONT_PX;
  const margin = scaleMargin(BASE_MARGIN, fontPx);
  const sideBySide = fillHeight === null ? width >= SIDE_BY_SIDE_MIN * k : fillSideBySide(width, fillHeight, k);
  const panelW = sideBySide ? (width - PANEL_GAP) / 2 : width;
  // Filling a given height (the workbench): the panels share it, never below a legible minimum.
  const panelH =
    fillHeight === null
      ? chartHeight(panelW, 0.6, 260 * k, 400 * k)
      : Math.max(Math.round(120 * k), sideBySide ? fillHeight : Math.floor((fillHeight - PANEL_GAP) / 2));
  const innerW = Math.max(40, panelW - margin.left - margin.right);
  const innerH = panelH - margin.top - margin.bottom;
  const height = sideBySide ? panelH : panelH * 2 + PANEL_GAP;

  const x = useMemo(() => scaleLog().domain(domain).range([0, innerW]).clamp(true), [domain, innerW]);
  const xTicks = useMemo(() => scaleTicks(x, tickCount(innerW, 70 * k), formatRateTick, true), [x, innerW, k]);

  // The y domains, as numbers: the marker moves on every slider tick but almost never widens them.
  const dDown = metricDomain('downtimeS', series, allBounds, marker, log, overlay?.closedForm.map((p) => p.downtimeS));
  const dTotal = metricDomain('migrationTimeS', series, allBounds, marker, log, overlay ? [overlay.naiveS, ...overlay.closedForm.map((p) => p.migrationTimeS)] : []);
  const panels: PanelGeometry[] = useMemo(
    () =>
      PANELS.map((p, i) => {
        const d = p.metric === 'downtimeS' ? dDown : dTotal;
        const y: ScaleContinuousNumeric<number, number> = log
          ? scaleLog().domain(d).range([innerH, 0]).nice().clamp(true)
          : scaleLinear().domain(d).range([innerH, 0]).nice().clamp(true);
        return {
          ...p,
          ox: sideBySide ? i * (panelW + PANEL_GAP) : 0,
          oy: sideBySide ? 0 : i * (panelH + PANEL_GAP),
          y,
          yTicks: scaleTicks(y, tickCount(innerH, 42 * k), formatSecondsTick, log),
        };
      }),
    [dDown[0], dDown[1], dTotal[0], dTotal[1], log, innerH, sideBySide, panelW, panelH, k],
  );

  const ordered = useMemo(() => drawOrder(series), [series]);

  // Curves and bounds: memoised so that hover re-renders reuse the same elements.
  const layers = useMemo(
    () =>
      panels.map((p) => {
        const path = line<SweepPoint>()
          .defined((d) => Number.isFinite(d[p.metric]) && (!log || d[p.metric] > 0))
          .x((d) => x(d.rate))
          .y((d) => p.y(d[p.metric]));
        return (
          <g key={p.metric}>
            <g className="bounds">
              {ordered.map((s) => {
                const b = allBounds.find((a) => a.linkMbps === s.linkMbps)?.bounds[p.metric];
                if (!b || isCompared(s, scenario) || s.pin) return null;
                const colour = `var(${seriesColourVar(s.linkMbps)})`;
                return (
                  <g key={seriesKey(s)} data-bounds={s.linkMbps} style={{ stroke: colour }}>
                    <line className="bound" x1={0} x2={innerW} y1={p.y(b.lower)} y2={p.y(b.lower)} />
                    <line className="bound" x1={0} x2={innerW} y1={p.y(b.upper)} y2={p.y(b.upper)} />
                  </g>
                );
              })}
            </g>
            {ordered.map((s) => {
              const colour = seriesColour(s);
              const compared = isCompared(s, scenario);
              return (
                <g key={seriesKey(s)}>
                  <path
                    className={s.current ? 'curve is-current' : compared || s.pin ? 'curve is-compared' : 'curve'}
                    data-series={s.linkMbps}
                    data-policy={compared ? s.policy : undefined}
                    data-pin={s.pin ? s.label : undefined}
                    data-current={s.current || undefined}
                    d={path(s.points) ?? undefined}
                    style={{ stroke: colour, strokeDasharray: s.pin ? PIN_DASH : compared ? POLICY_DASH[s.policy!] : undefined }}
                  />
                  {s.pin?.result ? (
                    <circle
                      className="pin-marker"
                      data-pin-marker={s.label}
                      cx={s.pin.rate > x.domain()[0] ? x(s.pin.rate) : 0}
                      cy={p.y(Math.max(s.pin.result[p.metric], log ? p.y.domain()[0] : 0))}
                      r={4.5}
                      style={{ fill: colour }}
                    />
                  ) : null}
                  {s.points.length <= 12
                    ? s.points.map((pt) =>
                        Number.isFinite(pt[p.metric]) && (!log || pt[p.metric] > 0) ? (
                          <circle key={pt.rate} className="curve-dot" cx={x(pt.rate)} cy={p.y(pt[p.metric])} r={s.current ? 3.5 : 2.5} style={{ fill: colour }} />
                        ) : null,
                      )
                    : null}
                </g>
              );
            })}
            {overlay ? (
              <g className="models">
                <path className="curve model-closed-form" data-model="closed-form" d={path(overlay.closedForm as SweepPoint[]) ?? undefined} />
                {p.metric === 'migrationTimeS' ? (
                  <path className="model-naive" data-model="naive" d={`M0,${p.y(overlay.naiveS)}H${innerW}`} />
                ) : null}
              </g>
            ) : null}
          </g>
        );
      }),
    [panels, ordered, allBounds, x, innerW, log, scenario.policy, overlay],
  );

  const markerColour = `var(${seriesColourVar(scenario.linkMbps)})`;
  const markerPos = (p: PanelGeometry) =>
    marker ? { x: marker.pinned ? 0 : x(marker.rate), y: p.y(Math.max(marker[p.metric], log ? p.y.domain()[0] : 0)) } : null;

  function onMove(e: PointerEvent<SVGRectElement>, panel: number) {
    const [px, py] = pointer(e.nativeEvent, e.currentTarget);
    const p = panels[panel];
    const m = markerPos(p);
    if (m && Math.hypot(px - m.x, py - m.y) <= MARKER_HIT) {
      setHover({ kind: 'marker', panel, px: m.x, py: m.y });
      return;
    }
    const rate = snapRate(series, x.invert(px));
    setHover(rate === null ? null : { kind: 'rate', rate, panel, px, py });
  }

  const tip = hover ? tooltipFor(hover, series, marker, scenario.pageBytes, overlay) : null;
  const hp = hover ? panels[hover.panel] : null;

  return (
    <>
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={curvesSummary(series, marker, domain, scenario.pageBytes)}
      >
        {panels.map((p, i) => {
          const m = markerPos(p);
          return (
            <g key={p.metric} transform={`translate(${p.ox + margin.left},${p.oy + margin.top})`} data-panel={p.metric}>
              {/* From the panel's left edge: a narrow panel (projector type) keeps its whole title. */}
              <text className="chart-panel-title" x={-margin.left + 4} y={-14 * k}>
                {panelTitle(i, p.title, panelW, fontPx)}
              </text>
              <GridRows ticks={p.yTicks} scale={p.y} width={innerW} />
              <GridColumns ticks={xTicks} scale={x} height={innerH} />
              <AxisLeft ticks={p.yTicks} scale={p.y} height={innerH} label={textWidth(p.axisLabel, fontPx) > innerH ? 'Seconds' : p.axisLabel} labelOffset={52 * k} />
              <AxisBottom ticks={xTicks} scale={x} y={innerH} width={innerW} labelY={36 * k} label={rateAxisLabel(innerW, margin.right, fontPx, k)} />
              {series.length === 0 ? (
                <text className="chart-note" x={innerW / 2} y={innerH / 2} textAnchor="middle">
                  computing the curves…
                </text>
              ) : null}
              {layers[i]}
              {extra?.(p.metric, x, p.y, log)}
              {hover?.kind === 'rate' ? (
                <g className="hover" pointerEvents="none">
                  <line className="hover-guide" x1={x(hover.rate)} x2={x(hover.rate)} y1={0} y2={innerH} />
                  {hoverRows(series, hover.rate).map(({ series: s, point }) =>
                    Number.isFinite(point[p.metric]) ? (
                      <circle
                        key={seriesKey(s)}
                        className="hover-dot"
                        cx={x(point.rate)}
                        cy={p.y(point[p.metric])}
                        r={s.current ? 5 : 4}
                        style={{ fill: `var(${seriesColourVar(s.linkMbps)})` }}
                      />
                    ) : null,
                  )}
                </g>
              ) : null}
              {m ? (
                <g className="marker-group" data-marker="current" data-pinned={marker?.pinned || undefined} pointerEvents="none">
                  <circle className="marker-halo" cx={m.x} cy={m.y} r={9} />
                  <circle className="marker" cx={m.x} cy={m.y} r={hover?.kind === 'marker' && hover.panel === i ? 7.5 : 6} style={{ fill: markerColour }} />
                </g>
              ) : null}
              <rect
                className="plot-overlay"
                x={-MARKER_HIT}
                y={0}
                width={innerW + MARKER_HIT}
                height={innerH}
                onPointerMove={(e) => onMove(e, i)}
                onPointerLeave={() => setHover(null)}
              />
            </g>
          );
        })}
      </svg>
      {tip && hover && hp ? (
        <Tooltip
          x={hp.ox + margin.left + hover.px}
          y={hp.oy + margin.top + hover.py}
          width={width}
          height={height}
          title={tip.title}
          rows={tip.rows}
          note={tip.note}
        />
      ) : null}
    </>
  );
}

function tooltipFor(
  hover: Hover,
  series: readonly CurveSeries[],
  marker: Marker | null,
  pageBytes: number,
  overlay: ModelOverlay | null,
): { title: string; rows: TooltipRow[]; note?: string } | null {
  if (hover.kind === 'marker') {
    if (!marker) return null;
    const t = markerTooltip(marker, pageBytes);
    return { title: t.title, rows: tupleRows(t.rows) };
  }
  const metric = PANELS[hover.panel].metric;
  const rows: TooltipRow[] = hoverRows(series, hover.rate).map(({ series: s, point }) => {
    const off = Math.abs(point.rate - hover.rate) > hover.rate * 0.005 ? ` at ${formatRateTick(point.rate)}/s` : '';
    const first = metric === 'downtimeS' ? `down ${formatSeconds(point.downtimeS)} s` : `total ${formatSeconds(point.migrationTimeS)} s`;
    const second = metric === 'downtimeS' ? `total ${formatSeconds(point.migrationTimeS)} s` : `down ${formatSeconds(point.downtimeS)} s`;
    return {
      label: seriesLegendLabel(s) + (s.current ? ' (current)' : ''),
      value: `${first} · ${second} · ${point.iterations} it.${off}`,
      colourVar: seriesColourVar(s.linkMbps),
      colour: s.pin?.colour,
      emphasis: s.current,
    };
  });
  const cf = overlay ? nearestModelPoint(overlay.closedForm, hover.rate) : undefined;
  if (cf) {
    rows.push({
      label: 'Closed form (current link)',
      value: `down ${formatSeconds(cf.downtimeS)} s · total ${formatSeconds(cf.migrationTimeS)} s · ${cf.iterations} it.`,
    });
  }
  if (overlay && metric === 'migrationTimeS') rows.push({ label: 'RAM / bandwidth', value: `${formatSeconds(overlay.naiveS)} s` });
  return { title: formatRate(hover.rate, pageBytes), rows };
}

/**
 * The curves' names with their glossary terms: a compared policy's name is that policy's entry, the
 * bounds and the model overlay theirs; links and pins (the user's words) stay plain. Detached terms
 * (Term.tsx): the legend's text stays its entries' labels, which the exports draw and the tests read.
 */
function CurvesLegend({ series, scenario, overlay }: { series: readonly CurveSeries[]; scenario: Scenario; overlay: ModelOverlay | null }) {
  const terms = legendTermScope();
  return (
    <ul>
      {series.map((s) => {
        const compared = isCompared(s, scenario);
        return (
          <LegendItem
            key={seriesKey(s)}
            swatch={
              <svg width={34} height={12}>
                <line
                  x1={1}
                  x2={33}
                  y1={6}
                  y2={6}
                  strokeWidth={s.current ? 3.5 : 2}
                  style={{ stroke: seriesColour(s), strokeDasharray: s.pin ? PIN_DASH : compared ? POLICY_DASH[s.policy!] : undefined }}
                />
              </svg>
            }
          >
            {compared ? legendDetailText(terms, seriesLegendLabel(s), true, POLICY_TERM[s.policy!]) : <LegendDetail text={seriesLegendLabel(s)} />}
            {s.current ? <strong> (current)</strong> : null}
          </LegendItem>
        );
      })}
      <LegendItem
        swatch={
          <svg width={26} height={12}>
            <line x1={1} x2={25} y1={6} y2={6} className="bound" style={{ stroke: 'var(--chart-axis)' }} />
          </svg>
        }
      >
        {scenario.policy === 'xen'
          ? legendText(terms, 'Bounds', ", Eq. 3 and 4 (link's colour)", true)
          : legendText(terms, "Xen's bounds", ", Eq. 3 and 4, for reference (link's colour)", true)}
      </LegendItem>
      <LegendItem
        swatch={
          <svg width={16} height={16}>
            <circle className="marker" cx={8} cy={8} r={5} style={{ fill: 'var(--chart-bg)' }} />
          </svg>
        }
      >
        Current scenario
      </LegendItem>
      {overlay ? (
        <>
          <LegendItem
            swatch={
              <svg width={34} height={12}>
                <line x1={2} x2={32} y1={6} y2={6} className="curve model-closed-form" />
              </svg>
            }
          >
            {legendText(terms, "Closed form, geometric series with Xen's stop conditions (current link)", undefined, true)}
          </LegendItem>
          <LegendItem
            swatch={
              <svg width={34} height={12}>
                <line x1={1} x2={33} y1={6} y2={6} className="model-naive" />
              </svg>
            }
          >
            {legendText(terms, 'RAM / bandwidth, as CloudSim-style simulators take it (migration time only)', undefined, true)}
          </LegendItem>
        </>
      ) : null}
    </ul>
  );
}

function CurrentNote({ marker, pageBytes }: { marker: Marker | null; pageBytes: number }) {
  if (!marker) return <p className="chart__note">Current scenario: computing…</p>;
  return (
    <p className="chart__note">
      Current scenario: {formatRate(marker.rate, pageBytes)}
      {marker.pinned ? ' (drawn at the left edge: a log axis has no 0)' : ''}, migration time {formatDuration(marker.migrationTimeS)}, downtime{' '}
      {formatDuration(marker.downtimeS)}.
    </p>
  );
}

/** Memoised: the sweep's table does not change when only the scenario's dirty rate does. */
const CurvesTable = memo(function CurvesTable({
  series,
  allBounds,
  pageBytes,
  overlay,
}: {
  series: readonly CurveSeries[];
  allBounds: readonly SeriesBounds[];
  pageBytes: number;
  overlay: ModelOverlay | null;
}) {
  const swept = tableRates(series);
  // The overlay is computed at the swept rates, or over the domain before any sweep point.
  const rates = overlay && swept.length <= 1 ? overlay.closedForm.map((p) => p.rate) : swept;
  const modelAt = new Map(overlay?.closedForm.map((p) => [p.rate, p]));
  return (
    <>
      <table>
        <caption>Bounds (Akoush Eq. 3 and 4) per link</caption>
        <thead>
          <tr>
            <th scope="col">Link</th>
            <th scope="col">Goodput</th>
            <th scope="col">Migration time, lower (s)</th>
            <th scope="col">Migration time, upper (s)</th>
            <th scope="col">Downtime, lower (s)</th>
            <th scope="col">Downtime, upper (s)</th>
          </tr>
        </thead>
        <tbody>
          {series.map((s, i) => {
            // A pinned scenario's bounds would be its own VM's: the table does not guess them.
            const b = s.pin ? undefined : allBounds[i]?.bounds;
            return (
              <tr key={seriesKey(s)}>
                <th scope="row">
                  {seriesLegendLabel(s)}
                  {s.current ? ' (current)' : ''}
                </th>
                <td>{formatMbps(s.linkMbps)}</td>
                <td>{b ? formatSeconds(b.migrationTimeS.lower) : '–'}</td>
                <td>{b ? formatSeconds(b.migrationTimeS.upper) : '–'}</td>
                <td>{b ? formatSeconds(b.downtimeS.lower) : '–'}</td>
                <td>{b ? formatSeconds(b.downtimeS.upper) : '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <table>
        <caption>Migration time and downtime (s) against page dirty rate</caption>
        <thead>
          <tr>
            <th scope="col">Dirty rate (pages/s)</th>
            <th scope="col">Dirty rate (MB/s)</th>
            {series.map((s) => (
              <th key={`m-${seriesKey(s)}`} scope="col">
                {seriesLegendLabel(s)}: migration time
              </th>
            ))}
            {series.map((s) => (
              <th key={`d-${seriesKey(s)}`} scope="col">
                {seriesLegendLabel(s)}: downtime
              </th>
            ))}
            {overlay ? (
              <>
                <th scope="col">Closed form: migration time</th>
                <th scope="col">Closed form: downtime</th>
                <th scope="col">RAM / bandwidth</th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rates.map((r) => (
            <tr key={r}>
              <th scope="row">{formatPages(Math.round(r))}</th>
              <td>{formatRateMBps(r, pageBytes).replace(' MB/s', '')}</td>
              {series.map((s) => {
                const p = pointAt(s, r);
                return <td key={`m-${seriesKey(s)}`}>{p ? formatSeconds(p.migrationTimeS) : '–'}</td>;
              })}
              {series.map((s) => {
                const p = pointAt(s, r);
                return <td key={`d-${seriesKey(s)}`}>{p ? formatSeconds(p.downtimeS) : '–'}</td>;
              })}
              {overlay ? (
                <>
                  <td>{modelAt.has(r) ? formatSeconds(modelAt.get(r)!.migrationTimeS) : '–'}</td>
                  <td>{modelAt.has(r) ? formatSeconds(modelAt.get(r)!.downtimeS) : '–'}</td>
                  <td>{formatSeconds(overlay.naiveS)}</td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
});

/** "(b) Total migration time"; without "Total" where a narrow panel (projector type) cannot hold it. */
function panelTitle(i: number, title: string, panelW: number, fontPx: number): string {
  const full = `(${String.fromCharCode(97 + i)}) ${title}`;
  return textWidth(full, fontPx * 1.05) > panelW - 8 ? full.replace('Total m', 'M') : full;
}

/** The x-axis label, shortened until it fits under the panel (centred, it may use the right margin). */
function rateAxisLabel(innerW: number, right: number, fontPx: number, k: number): string {
  if (innerW >= 250 * k) return 'Page dirty rate (pages/s, log scale)';
  return textWidth('Dirty rate (pages/s)', fontPx) / 2 <= innerW / 2 + right ? 'Dirty rate (pages/s)' : 'Rate (pages/s)';
}
