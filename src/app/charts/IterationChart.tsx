// Pages sent, skipped and dirtied per pre-copy iteration (the Asterisk paper's Fig. 5 and 6), the
// stop-and-copy hatched and labelled, and why pre-copy stopped. Post-copy runs show the paused
// switch-over (state only) and the post-copy phase on bands of their own; auto-converge's throttle
// steps are marked where they take effect.
import { countsText, runCounts } from '../../model/words/counts.ts';
import { scaleBand, scaleLinear, scaleLog, type ScaleBand } from 'd3';
import { memo, useId, useMemo, useState, type ReactNode } from 'react';
import type { IterationRecord, RunResult } from '../../model/result.ts';
import { AxisLeft, GridRows } from './Axis.tsx';
import { HatchPattern } from './HatchPattern.tsx';
import { ChartFrame, LegendItem, LogToggle } from './ChartFrame.tsx';
import { legendTermScope, legendText } from './LegendText.tsx';
import type { GlossaryTerm } from '../teach/glossary.ts';
import { TermRuns, termParts } from '../teach/WithTerms.tsx';
import { formatPages, formatPagesTick, formatSeconds } from './format.ts';
import {
  barSpan,
  countDomain,
  hasPostcopy,
  highlightedIteration,
  highlightText,
  iterationAxisLabel,
  iterationSummary,
  iterationTooltip,
  labelStep,
  MEASURES,
  recordKind,
  showIterationLabel,
  stopReasonLine,
  throttleMarks,
  throttleText,
} from './iterations.ts';
import { BASE_FONT_PX, chartHeight, clamp, domId, scaleMargin, scaleTicks, textWidth, tickCount } from './scales.ts';
import { Tooltip, tupleRows } from './Tooltip.tsx';
import type { IterationChartProps } from './types.ts';

const BASE_MARGIN = { top: 48, right: 16, bottom: 56, left: 64 };
const MAX_BAR_PX = 44;

export interface IterationChartOptions {
  /** Heading above the chart; null for none (when the page already has one). */
  title?: string | null;
  /**
   * An iteration to emphasise (a player's position, e.g. teaching mode's): its bars stay, the others
   * are dimmed, and its group gets `data-current`. Undefined, null or a number the run has no record
   * of: nothing is emphasised.
   */
  highlight?: number | null;
  /** Other runs' pages sent per iteration, drawn as dotted lines in their colours (compare mode's pins). */
  overlays?: readonly IterationOverlay[];
}

export interface IterationOverlay {
  id: string;
  label: string;
  /** A CSS colour. */
  colour: string;
  /** Pages sent in iteration 1, 2, … (the last is its stop-and-copy or switch-over). */
  sent: readonly number[];
}

const NO_OVERLAYS: readonly IterationOverlay[] = [];

/** The overlays in words, for the chart's text alternative. */
function overlayText(overlays: readonly IterationOverlay[]): string {
  if (!overlays.length) return '';
  return ` Overlaid, pages sent per iteration: ${overlays.map((o) => `${o.label}, ${o.sent.map((v) => formatPages(v)).join(', ')}`).join('; ')}.`;
}

export function IterationChart({ result, title = 'Pages per iteration', highlight, overlays = NO_OVERLAYS }: IterationChartProps & IterationChartOptions) {
  const [log, setLog] = useState(false);
  return (
    <ChartFrame
      testId="chart-iterations"
      title={title}
      controls={<LogToggle checked={log} onChange={setLog} />}
      legend={<IterationLegend result={result} overlays={overlays} />}
      renderTable={() => <IterationTable result={result} />}
    >
      {({ width, fontPx, fillHeight }) => <IterationPlot result={result} log={log} width={width} fontPx={fontPx} fillHeight={fillHeight} highlight={highlightedIteration(result, highlight)} overlays={overlays} />}
    </ChartFrame>
  );
}

function IterationPlot({
  result,
  log,
  width,
  fontPx,
  fillHeight,
  highlight,
  overlays,
}: {
  result: RunResult;
  log: boolean;
  width: number;
  fontPx: number;
  fillHeight: number | null;
  highlight: number | null;
  overlays: readonly IterationOverlay[];
}) {
  const [hover, setHover] = useState<number | null>(null);
  const patternId = domId(useId(), 'hatch');
  const k = fontPx / BASE_FONT_PX;
  const base = scaleMargin(BASE_MARGIN, fontPx);
  // The stop reason above the plot takes two lines where one would run off the chart's left edge.
  const stopText = stopReasonLine(result);
  const wrapped = wrapLine(stopText, width - base.right, fontPx);
  // On the one-screen workbench the layout gives the height (never below a legible minimum).
  const height = fillHeight !== null ? Math.max(fillHeight, Math.round(150 * k)) : chartHeight(width, 0.4, 300 * k, 460 * k);
  // A short, narrow chart (projector type in a side column) keeps its height for the bars: a note that
  // would wrap and leave the plot under half the chart is left to the summary or the narration beside
  // it (the figure's description still says it).
  const plotWith = (lines: number) => height - base.top - base.bottom - (lines - 1) * 1.2 * fontPx;
  const stopLines = wrapped.length > 1 && fillHeight !== null && plotWith(wrapped.length) < height / 2 ? [] : wrapped;
  // Without the note, the top margin holds only the stop-and-copy's label.
  const top = stopLines.length === 0 ? Math.round(14 * k + 1.1 * fontPx) : base.top + Math.round((stopLines.length - 1) * 1.2 * fontPx);
  const margin = { ...base, top };
  const innerW = Math.max(40, width - margin.left - margin.right);
  const innerH = height - margin.top - margin.bottom;
  const its = result.perIteration;

  // The iterations on the axis: the run's, and as many more as the longest overlay has.
  const count = Math.max(its.length, ...overlays.map((o) => o.sent.length));
  const geometry = useMemo(() => {
    const x = scaleBand<number>()
      .domain(Array.from({ length: count }, (_, i) => i + 1))
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
    const domain = countDomain(its, log, overlays);
    const y = (log ? scaleLog() : scaleLinear()).domain(domain).range([innerH, 0]).nice().clamp(true);
    const yTicks = scaleTicks(y, tickCount(innerH, 46), formatPagesTick, log);
    const step = labelStep(x.step(), textWidth(String(count), fontPx) + 10);
    // The highlight behind a group (stop-and-copy, hover): the bars plus a margin, within the step.
    const pad = Math.min((x.step() - x.bandwidth()) / 2 + groupX, 10);
    const band = { x: groupX - pad, width: groupW + 2 * pad };
    return { x, inner, y, yTicks, step, band };
  }, [its, log, innerW, innerH, fontPx, count, overlays]);

  const { x, inner, y, yTicks, step, band } = geometry;

  // The bars: each group is a memoised component, so hovering or moving the highlight re-renders
  // only the groups whose props changed (a player moves it up to 60 times a second).
  const bars = its.map((it) => (
    <BarGroup
      key={it.iteration}
      it={it}
      result={result}
      gx={x(it.iteration) ?? 0}
      inner={inner}
      y={y}
      innerH={innerH}
      log={log}
      patternId={patternId}
      band={band}
      current={it.iteration === highlight}
    />
  ));

  // The label above the plot: the stop-and-copy's pages, or the post-copy phase's.
  const labelled = its.find((it) => recordKind(it, result) === 'postcopy') ?? (its[its.length - 1]?.final ? its[its.length - 1] : undefined);
  const finalCentre = labelled ? (x(labelled.iteration) ?? 0) + band.x + band.width / 2 : null;
  const fullFinalLabel = !labelled
    ? ''
    : labelled.phase === 'postcopy'
      ? `post-copy: ${formatPages(labelled.pagesSent)} pages pushed or faulted`
      : `stop-and-copy: ${formatPages(labelled.pagesSent)} pages`;
  const marks = throttleMarks(result);
  // A chart too narrow for the whole label (projector type) names just the pages (the legend names the hatch).
  const finalLabel = textWidth(fullFinalLabel, fontPx * 1.15) > width - 8 && labelled ? `${formatPages(labelled.pagesSent)} pages` : fullFinalLabel;
  const finalLabelW = textWidth(finalLabel, fontPx * 1.08);
  const axisLabel = textWidth(iterationAxisLabel(result), fontPx) > innerW + margin.left ? 'Iteration' : iterationAxisLabel(result);
  const hovered = hover === null ? undefined : its[hover];
  const tip = hovered ? iterationTooltip(hovered, result) : null;
  const hoverX = hovered ? (x(hovered.iteration) ?? 0) + x.bandwidth() / 2 : 0;
  const hoverTop = hovered
    ? Math.min(...MEASURES.map((m) => barSpan(m.value(hovered), y, innerH, log)?.top ?? innerH))
    : 0;

  return (
    <>
      <svg width={width} height={height} role="img" aria-label={iterationSummary(result) + (highlight === null ? '' : highlightText(result, highlight)) + overlayText(overlays)}>
        <defs>
          <HatchPattern id={patternId} />
        </defs>
        <g transform={`translate(${margin.left},${margin.top})`}>
          <GridRows ticks={yTicks} scale={y} width={innerW} />
          {hovered ? (
            <rect className="group-hover" x={(x(hovered.iteration) ?? 0) + band.x} y={0} width={band.width} height={innerH} />
          ) : null}
          <g className={highlight === null ? 'iteration-bars' : 'iteration-bars has-current'}>{bars}</g>
          {overlays.map((o) => {
            const points = o.sent.map((v, i) => [(x(i + 1) ?? 0) + x.bandwidth() / 2, y(Math.max(v, log ? y.domain()[0] : 0))] as const);
            return (
              <g key={o.id} className="iteration-overlay" data-pin-overlay={o.label} style={{ stroke: o.colour, fill: o.colour }}>
                <polyline points={points.map((p) => p.join(',')).join(' ')} />
                {points.map(([px, py], i) => (
                  <circle key={i} cx={px} cy={py} r={3} />
                ))}
              </g>
            );
          })}
          <AxisLeft ticks={yTicks} scale={y} height={innerH} label={log ? 'Pages (log scale)' : 'Pages'} labelOffset={50 * k} />
          <g className="chart-axis" transform={`translate(0,${innerH})`}>
            <line className="chart-axis__domain" x1={0} x2={innerW} />
            {x.domain().map((iteration) =>
              showIterationLabel(iteration, count, step) ? (
                <g key={iteration} transform={`translate(${(x(iteration) ?? 0) + x.bandwidth() / 2},0)`}>
                  <line className="chart-axis__tick" y2={5} />
                  <text className="chart-axis__tick-label" y={8} dy="0.71em" textAnchor="middle">
                    {iteration}
                  </text>
                </g>
              ) : null,
            )}
            <text className="chart-axis__label" x={innerW / 2} y={34 * k} dy="0.71em" textAnchor="middle">
              {axisLabel}
            </text>
          </g>
          {finalCentre !== null ? (
            <text
              className="final-label"
              // Over its group where it fits; a narrow chart lets it use the margins too.
              x={clamp(finalCentre, Math.min(finalLabelW / 2, finalLabelW / 2 - margin.left), Math.max(innerW - finalLabelW / 2, innerW + margin.right - finalLabelW / 2))}
              y={-8 * k}
              textAnchor="middle"
            >
              {finalLabel}
            </text>
          ) : null}
          {marks.map((m, i) => {
            // A dashed rule where the throttle takes effect, labelled at the top of the plot.
            const rx = (x(m.iteration) ?? 0) - (x.step() - x.bandwidth()) / 2;
            const text = i === 0 || x.step() * 1.5 > textWidth('throttle 00%', fontPx * 0.92) ? `throttle ${throttleText(m.throttle)}` : throttleText(m.throttle);
            return (
              <g key={m.atS} className="throttle-mark" data-throttle={m.throttle} data-iteration={m.iteration}>
                <line className="throttle-rule" x1={rx} x2={rx} y1={0} y2={innerH} />
                <text className="throttle-label" x={rx + 3} y={11 * k + (i % 2) * 14 * k}>
                  {text}
                </text>
              </g>
            );
          })}
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
      {stopLines.length > 0 ? (
        // Where the SVG would write it (right-aligned over the plot, first baseline at -30k), as HTML so
        // that its words are glossary terms a keyboard or a tap opens; the exports draw it (chartSvg.ts).
        <StopNote lines={stopLines} right={margin.right} baseline={margin.top - 30 * k - (stopLines.length - 1) * 1.2 * fontPx} fontPx={fontPx} />
      ) : null}
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

/**
 * Why pre-copy ended, over the plot: its lines as the chart wrapped them, each term marked where it
 * first appears. Detached terms (Term.tsx) keep the note's text its sentence (e2e reads it), and inline
 * ones keep each line's height (a term in a sentence needs no 24 px box).
 */
function StopNote({ lines, right, baseline, fontPx }: { lines: string[]; right: number; baseline: number; fontPx: number }) {
  const seen = new Set<GlossaryTerm>();
  return (
    <p className="chart__stop-note" data-testid="chart-stop-reason" data-plot-note="" style={{ right, top: baseline - fontPx, fontSize: fontPx }}>
      {lines.map((line, i) => (
        <span key={i} className="chart__stop-note-line" data-plot-note-line="">
          <TermRuns parts={termParts(line, seen)} detached />
        </span>
      ))}
    </p>
  );
}

interface BarGroupProps {
  it: IterationRecord;
  result: RunResult;
  gx: number;
  inner: ScaleBand<number>;
  y: (v: number) => number;
  innerH: number;
  log: boolean;
  patternId: string;
  band: { x: number; width: number };
  current: boolean;
}

/** One iteration's bars (and its band); `current` emphasises it while a player is on it. */
const BarGroup = memo(function BarGroup({ it, result, gx, inner, y, innerH, log, patternId, band, current }: BarGroupProps) {
  const kind = recordKind(it, result);
  let note: ReactNode = null;
  if (kind === 'switch-over') {
    const cx = band.x + band.width / 2;
    note = (
      <text className="band-note" x={cx} y={innerH / 2} textAnchor="middle" data-testid="switch-over-label">
        <tspan x={cx}>VM paused:</tspan>
        <tspan x={cx} dy="1.2em">state only,</tspan>
        <tspan x={cx} dy="1.2em">no pages</tspan>
      </text>
    );
  }
  return (
    <g
      transform={`translate(${gx},0)`}
      data-iteration={it.iteration}
      data-final={it.final || undefined}
      data-phase={kind === 'precopy' ? undefined : kind}
      data-current={current || undefined}
    >
      {current ? <rect className="current-band" x={band.x} y={0} width={band.width} height={innerH} /> : null}
      {it.final ? <rect className="final-band" x={band.x} y={0} width={band.width} height={innerH} /> : null}
      {kind === 'postcopy' ? <rect className="postcopy-band" x={band.x} y={0} width={band.width} height={innerH} /> : null}
      {note}
      {MEASURES.map((m, i) => {
        const span = barSpan(m.value(it), y, innerH, log);
        if (!span) return null;
        const final = it.final && m.key === 'sent';
        const cls = final ? 'bar-final' : kind === 'postcopy' && m.key === 'sent' ? 'bar-postcopy' : `bar-${m.key}`;
        return <rect key={m.key} className={cls} fill={final ? `url(#${patternId})` : undefined} x={inner(i)} y={span.top} width={inner.bandwidth()} height={span.height} />;
      })}
    </g>
  );
});

/** The bars' and phases' names with their glossary terms (pins' names stay plain: they are the user's words). */
function IterationLegend({ result, overlays }: { result: RunResult; overlays: readonly IterationOverlay[] }) {
  const postcopy = hasPostcopy(result);
  const terms = legendTermScope();
  return (
    <ul>
      {overlays.map((o) => (
        <LegendItem
          key={o.id}
          swatch={
            <svg width={34} height={12}>
              <g className="iteration-overlay" style={{ stroke: o.colour, fill: o.colour }}>
                <line x1={1} x2={33} y1={6} y2={6} />
                <circle cx={17} cy={6} r={3} />
              </g>
            </svg>
          }
        >
          {o.label}: pages sent
        </LegendItem>
      ))}
      {MEASURES.map((m) => (
        <LegendItem key={m.key} swatch={<span className="chart__swatch-box" style={{ background: `var(${m.colourVar})` }} />}>
          {legendText(terms, m.label)}
        </LegendItem>
      ))}
      {postcopy ? (
        <>
          <LegendItem swatch={<span className="chart__swatch-box" style={{ background: 'var(--final-bg)', outline: '1px solid var(--final)' }} />}>
            {legendText(terms, 'Switch-over', ' (VM paused): CPU and device state only')}
          </LegendItem>
          <LegendItem swatch={<span className="chart__swatch-box" style={{ background: 'var(--postcopy)' }} />}>
            {legendText(terms, 'Post-copy phase', ' (guest running at the destination): pages pushed or faulted')}
          </LegendItem>
        </>
      ) : (
        <LegendItem swatch={<span className="chart__swatch-hatch" />}>
          {legendText(terms, 'Stop-and-copy', ' (the last iteration, VM paused): pages sent')}
        </LegendItem>
      )}
      {result.throttle?.length ? (
        <LegendItem
          swatch={
            <svg width={14} height={14}>
              <line className="throttle-rule" x1={7} x2={7} y1={0} y2={14} />
            </svg>
          }
        >
          {legendText(terms, 'Auto-converge throttle step')}
        </LegendItem>
      ) : null}
    </ul>
  );
}

const STAGE_NAME = { precopy: 'pre-copy', 'stop-and-copy': 'stop-and-copy', 'switch-over': 'switch-over (state only)', postcopy: 'post-copy phase' } as const;

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
            <td>{STAGE_NAME[recordKind(it, result)]}</td>
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
          <td>{countsText(runCounts(result))}</td>
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

/** A line of text broken after its colon, then between words, into lines that fit `maxW` px. */
function wrapLine(text: string, maxW: number, fontPx: number): string[] {
  if (textWidth(text, fontPx) <= maxW) return [text];
  const lines: string[] = [];
  // Words keep their trailing space, so the lines' text content still reads as the sentence.
  for (const word of text.match(/\S+\s*/g) ?? [text]) {
    const last = lines[lines.length - 1];
    const breakHere = last === undefined || last.trimEnd().endsWith(':') || textWidth((last + word).trimEnd(), fontPx) > maxW;
    if (breakHere) lines.push(word);
    else lines[lines.length - 1] = last + word;
  }
  return lines;
}
