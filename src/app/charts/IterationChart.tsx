// Pages sent, skipped and dirtied per pre-copy iteration (the Asterisk paper's Fig. 5 and 6), the
// stop-and-copy hatched and labelled, and why pre-copy stopped.
import { scaleBand, scaleLinear, scaleLog } from 'd3';
import { useId, useMemo, useState } from 'react';
import type { RunResult } from '../../model/result.ts';
import { AxisLeft, GridRows } from './Axis.tsx';
import { ChartFrame, LegendItem, LogToggle } from './ChartFrame.tsx';
import { formatPages, formatPagesTick, formatSeconds } from './format.ts';
import {
  barSpan,
  countDomain,
  iterationSummary,
  iterationTooltip,
  labelStep,
  MEASURES,
  showIterationLabel,
  stopReasonLine,
} from './iterations.ts';
import { BASE_FONT_PX, chartHeight, clamp, domId, scaleMargin, scaleTicks, textWidth, tickCount } from './scales.ts';
import { Tooltip, tupleRows } from './Tooltip.tsx';
import type { IterationChartProps } from './types.ts';

const BASE_MARGIN = { top: 48, right: 16, bottom: 56, left: 64 };
const MAX_BAR_PX = 44;

export interface IterationChartOptions {
  /** Heading above the chart; null for none (when the page already has one). */
  title?: string | null;
}

export function IterationChart({ result, title = 'Pages per iteration' }: IterationChartProps & IterationChartOptions) {
  const [log, setLog] = useState(false);
  return (
    <ChartFrame
      testId="chart-iterations"
      title={title}
      controls={<LogToggle checked={log} onChange={setLog} />}
      legend={<IterationLegend />}
      renderTable={() => <IterationTable result={result} />}
    >
      {({ width, fontPx }) => <IterationPlot result={result} log={log} width={width} fontPx={fontPx} />}
    </ChartFrame>
  );
}

function IterationPlot({ result, log, width, fontPx }: { result: RunResult; log: boolean; width: number; fontPx: number }) {
  const [hover, setHover] = useState<number | null>(null);
  const patternId = domId(useId(), 'hatch');
  const k = fontPx / BASE_FONT_PX;
  const margin = scaleMargin(BASE_MARGIN, fontPx);
  const height = chartHeight(width, 0.4, 300 * k, 460 * k);
  const innerW = Math.max(40, width - margin.left - margin.right);
  const innerH = height - margin.top - margin.bottom;
  const its = result.perIteration;

  const geometry = useMemo(() => {
    const x = scaleBand<number>()
      .domain(its.map((it) => it.iteration))
      .range([0, innerW])
      .paddingInner(0.22)
      .paddingOuter(0.12);
    // Bars stay at most MAX_BAR_PX wide (a run of 3 iterations must not draw slabs), centred in the group.
    const groupW = Math.min(x.bandwidth(), MEASURES.length * MAX_BAR_PX * 1.08);
    const groupX = (x.bandwidth() - groupW) / 2;
    const inner = scaleBand<number>()
      .domain(MEASURES.map((_, i) => i))
      .range([groupX, groupX + groupW])
      .paddingInner(0.06);
    const domain = countDomain(its, log);
    const y = (log ? scaleLog() : scaleLinear()).domain(domain).range([innerH, 0]).nice().clamp(true);
    const yTicks = scaleTicks(y, tickCount(innerH, 46), formatPagesTick, log);
    const step = labelStep(x.step(), textWidth(String(its.length), fontPx) + 10);
    // The highlight behind a group (stop-and-copy, hover): the bars plus a margin, within the step.
    const pad = Math.min((x.step() - x.bandwidth()) / 2 + groupX, 10);
    const band = { x: groupX - pad, width: groupW + 2 * pad };
    return { x, inner, y, yTicks, step, band };
  }, [its, log, innerW, innerH, fontPx]);

  const { x, inner, y, yTicks, step, band } = geometry;

  // The bars, memoised so that hovering (which re-renders) does not rebuild them.
  const bars = useMemo(
    () =>
      its.map((it) => {
        const gx = x(it.iteration) ?? 0;
        return (
          <g key={it.iteration} transform={`translate(${gx},0)`} data-iteration={it.iteration} data-final={it.final || undefined}>
            {it.final ? (
              <rect className="final-band" x={band.x} y={0} width={band.width} height={innerH} />
            ) : null}
            {MEASURES.map((m, i) => {
              const span = barSpan(m.value(it), y, innerH, log);
              if (!span) return null;
              const final = it.final && m.key === 'sent';
              return (
                <rect
                  key={m.key}
                  className={final ? 'bar-final' : `bar-${m.key}`}
                  fill={final ? `url(#${patternId})` : undefined}
                  x={inner(i)}
                  y={span.top}
                  width={inner.bandwidth()}
                  height={span.height}
                />
              );
            })}
          </g>
        );
      }),
    [its, x, inner, y, innerH, log, patternId, band],
  );

  const last = its[its.length - 1];
  const finalCentre = last?.final ? (x(last.iteration) ?? 0) + band.x + band.width / 2 : null;
  const finalLabel = last?.final ? `stop-and-copy: ${formatPages(last.pagesSent)} pages` : '';
  const finalLabelW = textWidth(finalLabel, fontPx * 1.08);
  const stopText = stopReasonLine(result);
  const hovered = hover === null ? undefined : its[hover];
  const tip = hovered ? iterationTooltip(hovered) : null;
  const hoverX = hovered ? (x(hovered.iteration) ?? 0) + x.bandwidth() / 2 : 0;
  const hoverTop = hovered
    ? Math.min(...MEASURES.map((m) => barSpan(m.value(hovered), y, innerH, log)?.top ?? innerH))
    : 0;

  return (
    <>
      <svg width={width} height={height} role="img" aria-label={iterationSummary(result)}>
        <defs>
          <pattern id={patternId} patternUnits="userSpaceOnUse" width={6} height={6} patternTransform="rotate(45)">
            <rect className="hatch-bg" width={6} height={6} />
            <line className="hatch-line" x1={1.5} y1={0} x2={1.5} y2={6} strokeWidth={3} />
          </pattern>
        </defs>
        <g transform={`translate(${margin.left},${margin.top})`}>
          <GridRows ticks={yTicks} scale={y} width={innerW} />
          {hovered ? (
            <rect className="group-hover" x={(x(hovered.iteration) ?? 0) + band.x} y={0} width={band.width} height={innerH} />
          ) : null}
          {bars}
          <AxisLeft ticks={yTicks} scale={y} height={innerH} label={log ? 'Pages (log scale)' : 'Pages'} labelOffset={50 * k} />
          <g className="chart-axis" transform={`translate(0,${innerH})`}>
            <line className="chart-axis__domain" x1={0} x2={innerW} />
            {its.map((it) =>
              showIterationLabel(it.iteration, its.length, step) ? (
                <g key={it.iteration} transform={`translate(${(x(it.iteration) ?? 0) + x.bandwidth() / 2},0)`}>
                  <line className="chart-axis__tick" y2={5} />
                  <text className="chart-axis__tick-label" y={8} dy="0.71em" textAnchor="middle">
                    {it.iteration}
                  </text>
                </g>
              ) : null,
            )}
            <text className="chart-axis__label" x={innerW / 2} y={34 * k} dy="0.71em" textAnchor="middle">
              Iteration (the last is the stop-and-copy)
            </text>
          </g>
          <text className="chart-note" x={innerW} y={-30 * k} textAnchor="end" data-testid="chart-stop-reason">
            {stopText}
          </text>
          {finalCentre !== null ? (
            <text
              className="final-label"
              x={clamp(finalCentre, finalLabelW / 2, innerW - finalLabelW / 2)}
              y={-8 * k}
              textAnchor="middle"
            >
              {finalLabel}
            </text>
          ) : null}
          {/* Hover targets: the full height of each group. */}
          {its.map((it, i) => (
            <rect
              key={it.iteration}
              className="group-hit"
              x={(x(it.iteration) ?? 0) - (x.step() - x.bandwidth()) / 2}
              y={0}
              width={x.step()}
              height={innerH}
              onPointerEnter={() => setHover(i)}
              onPointerLeave={() => setHover((h) => (h === i ? null : h))}
            />
          ))}
        </g>
      </svg>
      {tip ? (
        <Tooltip
          x={margin.left + hoverX}
          y={margin.top + Math.max(hoverTop, innerH * 0.15)}
          width={width}
          height={height}
          title={tip.title}
          rows={tupleRows(tip.rows)}
        />
      ) : null}
    </>
  );
}

function IterationLegend() {
  return (
    <ul>
      {MEASURES.map((m) => (
        <LegendItem key={m.key} swatch={<span className="chart__swatch-box" style={{ background: `var(${m.colourVar})` }} />}>
          {m.label}
        </LegendItem>
      ))}
      <LegendItem swatch={<span className="chart__swatch-hatch" />}>Stop-and-copy (VM paused): pages sent</LegendItem>
    </ul>
  );
}

function IterationTable({ result }: { result: RunResult }) {
  return (
    <table>
      <caption>
        Pages per iteration. {stopReasonLine(result)}.
      </caption>
      <thead>
        <tr>
          <th scope="col">Iteration</th>
          <th scope="col">Stage</th>
          <th scope="col">Start (s)</th>
          <th scope="col">End (s)</th>
          <th scope="col">Duration (s)</th>
          <th scope="col">Pages sent</th>
          <th scope="col">Pages skipped</th>
          <th scope="col">Pages dirtied</th>
        </tr>
      </thead>
      <tbody>
        {result.perIteration.map((it) => (
          <tr key={it.iteration}>
            <th scope="row">{it.iteration}</th>
            <td>{it.final ? 'stop-and-copy' : 'pre-copy'}</td>
            <td>{formatSeconds(it.startS)}</td>
            <td>{formatSeconds(it.endS)}</td>
            <td>{formatSeconds(it.endS - it.startS)}</td>
            <td>{formatPages(it.pagesSent)}</td>
            <td>{formatPages(it.pagesSkipped)}</td>
            <td>{formatPages(it.pagesDirtied)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td>{result.iterations} iterations</td>
          <td />
          <td />
          <td />
          <td>{formatPages(result.pagesSent)}</td>
          <td>{formatPages(result.perIteration.reduce((n, it) => n + it.pagesSkipped, 0))}</td>
          <td>{formatPages(result.perIteration.reduce((n, it) => n + it.pagesDirtied, 0))}</td>
        </tr>
      </tfoot>
    </table>
  );
}
