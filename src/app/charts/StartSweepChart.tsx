// When to migrate (Akoush Table IV): with a dirty-rate trace, the downtime and total migration time of
// a migration started at each point of the trace, one line per policy, the range (min and max, each
// with its start time) marked and tabled, and the current start as a marker.
import { line, pointer, scaleLinear, type ScaleLinear } from 'd3';
import { useMemo, useState, type PointerEvent, type ReactNode } from 'react';
import type { RunResult } from '../../model/result.ts';
import type { Scenario } from '../../model/scenario.ts';
import { POLICY_DASH } from '../policyNames.ts';
import { AxisBottom, AxisLeft, GridColumns, GridRows } from './Axis.tsx';
import { ChartFrame, LegendItem } from './ChartFrame.tsx';
import { seriesColourVar } from './curves.ts';
import { formatDuration, formatSeconds, formatSecondsTick } from './format.ts';
import { BASE_FONT_PX, chartHeight, clamp, scaleMargin, scaleTicks, textWidth, tickCount, type Tick } from './scales.ts';
import {
  extremeText,
  nearestStart,
  START_PANELS,
  startDomain,
  startRange,
  startSummary,
  type StartMetric,
  type StartRange,
  type StartSeries,
} from './startSweep.ts';
import { Tooltip, type TooltipRow } from './Tooltip.tsx';

const BASE_MARGIN = { top: 30, right: 18, bottom: 56, left: 66 };
const SIDE_BY_SIDE_MIN = 860;
const PANEL_GAP = 24;

export interface StartSweepChartProps {
  scenario: Scenario;
  series: StartSeries[];
  /** The run at the scenario's own start, for the marker; null while it computes. */
  result: RunResult | null;
  /** The trace's end, s (the x axis runs from 0 to it). */
  endS: number;
  title?: string | null;
  toolbar?: ReactNode;
}

export function StartSweepChart({ scenario, series, result, endS, title = 'When to migrate: results against the start time in the trace', toolbar }: StartSweepChartProps) {
  const current = series.find((s) => s.current);
  const range = useMemo(() => (current ? startRange(current.points) : null), [current]);
  const complete = current !== undefined && series.every((s) => s.points.length === current.points.length) && current.points.length > 0;
  return (
    <ChartFrame
      testId="chart-starts"
      title={title}
      toolbar={
        <>
          <RangeTable range={range} label={current?.label ?? ''} partial={!complete} />
          {toolbar}
        </>
      }
      legend={<StartLegend series={series} scenario={scenario} />}
      renderTable={() => <StartTable series={series} />}
    >
      {({ width, fontPx }) => <StartPlot width={width} fontPx={fontPx} scenario={scenario} series={series} result={result} endS={endS} range={range} />}
    </ChartFrame>
  );
}

function RangeTable({ range, label, partial }: { range: StartRange | null; label: string; partial: boolean }) {
  return (
    <table className="start-range" data-testid="start-range">
      <caption>
        Over all start times{label ? ` (${label})` : ''}, as in Akoush Table IV{partial ? ': computing…' : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">Measure</th>
          <th scope="col">Minimum</th>
          <th scope="col">Maximum</th>
          <th scope="col">Mean</th>
        </tr>
      </thead>
      <tbody>
        {START_PANELS.slice()
          .reverse()
          .map((p) => (
            <tr key={p.metric}>
              <th scope="row">{p.title}</th>
              <td data-testid={`start-min-${p.metric}`}>{range ? extremeText(range[p.metric].min) : '–'}</td>
              <td data-testid={`start-max-${p.metric}`}>{range ? extremeText(range[p.metric].max) : '–'}</td>
              <td>{range ? formatDuration(range[p.metric].mean) : '–'}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

interface Panel {
  metric: StartMetric;
  title: string;
  axisLabel: string;
  ox: number;
  oy: number;
  y: ScaleLinear<number, number>;
  yTicks: Tick[];
}

interface PlotProps {
  width: number;
  fontPx: number;
  scenario: Scenario;
  series: StartSeries[];
  result: RunResult | null;
  endS: number;
  range: StartRange | null;
}

function StartPlot({ width, fontPx, scenario, series, result, endS, range }: PlotProps) {
  const [hover, setHover] = useState<{ panel: number; startS: number; px: number; py: number } | null>(null);
  const k = fontPx / BASE_FONT_PX;
  const margin = scaleMargin(BASE_MARGIN, fontPx);
  const sideBySide = width >= SIDE_BY_SIDE_MIN * k;
  const panelW = sideBySide ? (width - PANEL_GAP) / 2 : width;
  const panelH = chartHeight(panelW, 0.6, 260 * k, 400 * k);
  const innerW = Math.max(40, panelW - margin.left - margin.right);
  const innerH = panelH - margin.top - margin.bottom;
  const height = sideBySide ? panelH : panelH * 2 + PANEL_GAP;
  const colour = `var(${seriesColourVar(scenario.linkMbps)})`;

  const x = useMemo(() => scaleLinear().domain([0, endS > 0 ? endS : 1]).range([0, innerW]).clamp(true), [endS, innerW]);
  const xTicks = useMemo(() => scaleTicks(x, tickCount(innerW, 70 * k), formatSecondsTick, false), [x, innerW, k]);
  const panels: Panel[] = START_PANELS.map((p, i) => {
    const y = scaleLinear().domain(startDomain(series, p.metric, result ? result[p.metric] : null)).range([innerH, 0]).nice();
    return { ...p, ox: sideBySide ? i * (panelW + PANEL_GAP) : 0, oy: sideBySide ? 0 : i * (panelH + PANEL_GAP), y, yTicks: scaleTicks(y, tickCount(innerH, 42 * k), formatSecondsTick, false) };
  });
  const ordered = [...series.filter((s) => !s.current), ...series.filter((s) => s.current)];
  const startX = x(Math.min(scenario.traceStartS, endS));

  function onMove(e: PointerEvent<SVGRectElement>, panel: number) {
    const [px, py] = pointer(e.nativeEvent, e.currentTarget);
    const pts = (series.find((s) => s.current) ?? series[0])?.points ?? [];
    const i = nearestStart(pts, x.invert(px));
    setHover(i < 0 ? null : { panel, startS: pts[i].startS, px: x(pts[i].startS), py });
  }

  const tipRows: TooltipRow[] = hover
    ? series.flatMap((s) => {
        const i = nearestStart(s.points, hover.startS);
        const p = s.points[i];
        if (!p || Math.abs(p.startS - hover.startS) > 1e-9) return [];
        return [{ label: s.label + (s.current ? ' (current)' : ''), value: `total ${formatSeconds(p.migrationTimeS)} s · down ${formatSeconds(p.downtimeS)} s · ${p.iterations} it.`, colourVar: seriesColourVar(scenario.linkMbps), emphasis: s.current }];
      })
    : [];
  const hp = hover ? panels[hover.panel] : null;

  return (
    <>
      <svg width={width} height={height} role="img" aria-label={startSummary(series, endS)}>
        {panels.map((p, i) => {
          const path = line<{ startS: number; migrationTimeS: number; downtimeS: number }>()
            .x((d) => x(d.startS))
            .y((d) => p.y(d[p.metric]));
          const extremes = range
            ? (['min', 'max'] as const).map((which) => {
                const e = range[p.metric][which];
                const text = `${which} ${formatSeconds(e.value)} s at ${formatSeconds(e.atS)} s`;
                const w = textWidth(text, fontPx * 0.92);
                const ex = x(e.atS);
                const ey = p.y(e.value);
                const ty = which === 'max' ? Math.max(12 * k, ey - 10) : Math.min(innerH - 6, ey + 18 * k);
                return { which, ex, ey, text, tx: clamp(ex, w / 2, innerW - w / 2), ty };
              })
            : [];
          return (
            <g key={p.metric} transform={`translate(${p.ox + margin.left},${p.oy + margin.top})`} data-panel={p.metric}>
              <text className="chart-panel-title" x={0} y={-14 * k}>
                {`(${String.fromCharCode(97 + i)}) ${p.title}`}
              </text>
              <GridRows ticks={p.yTicks} scale={p.y} width={innerW} />
              <GridColumns ticks={xTicks} scale={x} height={innerH} />
              <AxisLeft ticks={p.yTicks} scale={p.y} height={innerH} label={p.axisLabel} labelOffset={52 * k} />
              <AxisBottom ticks={xTicks} scale={x} y={innerH} width={innerW} labelY={36 * k} label="Migration starts at (s into the trace)" />
              <line className="start-guide" x1={startX} x2={startX} y1={0} y2={innerH} />
              {ordered.map((s) => (
                <path
                  key={s.id}
                  className={s.current ? 'curve is-current' : 'curve is-compared'}
                  data-policy={s.policy}
                  data-current={s.current || undefined}
                  d={path(s.points) ?? undefined}
                  style={{ stroke: colour, strokeDasharray: s.current ? undefined : POLICY_DASH[s.policy] }}
                />
              ))}
              {extremes.map((e) => (
                <g key={e.which} data-extreme={e.which} pointerEvents="none">
                  <circle className="extreme-dot" cx={e.ex} cy={e.ey} r={4.5} />
                  <text className="extreme-label" x={e.tx} y={e.ty} textAnchor="middle">
                    {e.text}
                  </text>
                </g>
              ))}
              {result ? (
                <g className="marker-group" data-marker="current" pointerEvents="none">
                  <circle className="marker-halo" cx={startX} cy={p.y(result[p.metric])} r={9} />
                  <circle className="marker" cx={startX} cy={p.y(result[p.metric])} r={6} style={{ fill: colour }} />
                </g>
              ) : null}
              {hover ? <line className="hover-guide" x1={hover.px} x2={hover.px} y1={0} y2={innerH} pointerEvents="none" /> : null}
              <rect className="plot-overlay" x={0} y={0} width={innerW} height={innerH} onPointerMove={(e) => onMove(e, i)} onPointerLeave={() => setHover(null)} />
            </g>
          );
        })}
      </svg>
      {hover && hp && tipRows.length ? (
        <Tooltip x={hp.ox + margin.left + hover.px} y={hp.oy + margin.top + hover.py} width={width} height={height} title={`Migration started at ${formatSeconds(hover.startS)} s`} rows={tipRows} />
      ) : null}
    </>
  );
}

function StartLegend({ series, scenario }: { series: readonly StartSeries[]; scenario: Scenario }) {
  const colour = `var(${seriesColourVar(scenario.linkMbps)})`;
  return (
    <ul>
      {series.map((s) => (
        <LegendItem
          key={s.id}
          swatch={
            <svg width={34} height={12}>
              <line x1={1} x2={33} y1={6} y2={6} strokeWidth={s.current ? 3.5 : 2} style={{ stroke: colour, strokeDasharray: s.current ? undefined : POLICY_DASH[s.policy] }} />
            </svg>
          }
        >
          {s.label}
          {s.current ? <strong> (current)</strong> : null}
        </LegendItem>
      ))}
      <LegendItem
        swatch={
          <svg width={12} height={12}>
            <circle className="extreme-dot" cx={6} cy={6} r={4} />
          </svg>
        }
      >
        Minimum and maximum over all start times
      </LegendItem>
      <LegendItem
        swatch={
          <svg width={16} height={16}>
            <circle className="marker" cx={8} cy={8} r={5} style={{ fill: 'var(--chart-bg)' }} />
          </svg>
        }
      >
        Current start time
      </LegendItem>
    </ul>
  );
}

function StartTable({ series }: { series: readonly StartSeries[] }) {
  const starts = [...new Set(series.flatMap((s) => s.points.map((p) => p.startS)))].sort((a, b) => a - b);
  const at = (s: StartSeries, t: number) => s.points.find((p) => p.startS === t);
  return (
    <table>
      <caption>Migration time and downtime (s) against the start time in the trace</caption>
      <thead>
        <tr>
          <th scope="col">Start (s)</th>
          {series.map((s) => (
            <th key={`m-${s.id}`} scope="col">
              {s.label}: migration time
            </th>
          ))}
          {series.map((s) => (
            <th key={`d-${s.id}`} scope="col">
              {s.label}: downtime
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {starts.map((t) => (
          <tr key={t}>
            <th scope="row">{formatSeconds(t)}</th>
            {series.map((s) => (
              <td key={`m-${s.id}`}>{at(s, t) ? formatSeconds(at(s, t)!.migrationTimeS) : '–'}</td>
            ))}
            {series.map((s) => (
              <td key={`d-${s.id}`}>{at(s, t) ? formatSeconds(at(s, t)!.downtimeS) : '–'}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
