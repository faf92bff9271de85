// The migration as a time line (Akoush Eq. 1 and 2): pre-migration overhead, each pre-copy
// iteration, the stop-and-copy, commitment and activation, and the downtime bracketed. Post-copy runs
// add their post-copy phase after the activation with the degraded time bracketed; auto-converge's
// throttle steps are ticks on the track.
import { pointer, scaleLinear } from 'd3';
import { useId, useMemo, useState, type PointerEvent } from 'react';
import type { RunResult } from '../../model/result.ts';
import { AxisBottom, GridColumns } from './Axis.tsx';
import { HatchPattern } from './HatchPattern.tsx';
import { ChartFrame, LegendItem } from './ChartFrame.tsx';
import { legendTermScope, legendText } from './LegendText.tsx';
import { formatPages, formatSeconds, formatSecondsTick } from './format.ts';
import { BASE_FONT_PX, clamp, domId, scaleMargin, scaleTicks, textWidth, tickCount } from './scales.ts';
import {
  alsoHereText,
  crossesLowerLabel,
  cursorLabel,
  cursorX,
  degradedLabel,
  degradedSpan,
  downtimeLabel,
  downtimeSpan,
  pickStage,
  placeLabels,
  segmentLayout,
  stageLegendFor,
  stageTooltip,
  timelineEnd,
  timelinePhases,
  timelineStages,
  timelineSummary,
  type Pick,
  type Segment,
  type Stage,
  type StageKind,
} from './timeline.ts';
import { Tooltip, tupleRows } from './Tooltip.tsx';
import type { TimelineChartProps } from './types.ts';

const BASE_MARGIN = { top: 46, right: 22, bottom: 0, left: 14 };
/** Minimum drawn width of a stage, so iterations of microseconds can be seen and hovered. */
const MIN_STAGE_PX = 3;

export interface TimelineChartOptions {
  title?: string | null;
  /**
   * A time to mark, seconds since the migration started (a player's position, e.g. teaching mode's):
   * a vertical cursor (`data-testid="timeline-cursor"`) with its time. Undefined or null: none.
   */
  cursorS?: number | null;
}

export function TimelineChart({ scenario, result, title = 'Timeline of the migration', cursorS }: TimelineChartProps & TimelineChartOptions) {
  const stages = useMemo(() => timelineStages(scenario, result), [scenario, result]);
  return (
    <ChartFrame
      testId="chart-timeline"
      title={title}
      legend={<TimelineLegend result={result} />}
      renderTable={() => <TimelineTable stages={stages} result={result} />}
    >
      {({ width, fontPx }) => <TimelinePlot width={width} fontPx={fontPx} stages={stages} result={result} cursorS={cursorS ?? null} />}
    </ChartFrame>
  );
}

function stageClass(s: Stage, index: number): string {
  if (s.kind === 'iteration') return index % 2 ? 'stage-iteration' : 'stage-iteration is-odd';
  return `stage-${s.kind}`;
}

function TimelinePlot({ width, fontPx, stages, result, cursorS }: { width: number; fontPx: number; stages: Stage[]; result: RunResult; cursorS: number | null }) {
  const [hover, setHover] = useState<(Pick & { px: number }) | null>(null);
  const patternId = domId(useId(), 'hatch');
  const k = fontPx / BASE_FONT_PX;
  const margin = scaleMargin(BASE_MARGIN, fontPx);
  const labelRowPx = Math.round(18 * k);
  const innerW = Math.max(40, width - margin.left - margin.right);
  const trackH = Math.round(clamp(width * 0.028, 30, 48));
  const trackTop = margin.top;
  const trackBottom = trackTop + trackH;
  const bracketTop = trackBottom + 6;
  const axisY = bracketTop + Math.round(34 * k);
  const height = axisY + Math.round(52 * k);

  const geometry = useMemo(() => {
    const end = timelineEnd(stages, result);
    const x = scaleLinear().domain([0, end]).range([0, innerW]);
    const ticks = scaleTicks(x, tickCount(innerW, 80 * k), formatSecondsTick, false);
    const segments = segmentLayout(stages, x, MIN_STAGE_PX, innerW);
    // The downtime spans the stop-and-copy (or switch-over) and the post-migration stages as drawn.
    const span = downtimeSpan(stages, result);
    const first = stages.findIndex((s) => s.kind === 'final');
    const postIndex = stages.findIndex((s) => s.kind === 'post');
    const to = segments[postIndex >= 0 ? postIndex : segments.length - 1];
    const from = first >= 0 ? segments[first] : to;
    const dt = { x: from.x, width: Math.max(MIN_STAGE_PX, to.x + to.width - from.x), label: downtimeLabel(span) };
    // Post-copy: the guest runs degraded from the start of its phase until its working set is in.
    const degraded = degradedSpan(stages, result);
    const pcIndex = stages.findIndex((s) => s.kind === 'postcopy');
    const dg =
      degraded && pcIndex >= 0
        ? (() => {
            const seg = segments[pcIndex];
            const end = Math.min(seg.x + seg.width, Math.max(seg.x + MIN_STAGE_PX, x(degraded.endS)));
            return { x: seg.x, width: end - seg.x, label: degradedLabel(degraded) };
          })()
        : null;
    const throttleXs = (result.throttle ?? []).map((t) => ({ x: x(t.atS), throttle: t.throttle }));
    const phases = timelinePhases(stages);
    const centreOf = (kind: StageKind, startS: number, endS: number) => {
      const i = stages.findIndex((s) => s.kind === kind);
      if ((kind === 'final' || kind === 'post' || kind === 'postcopy') && i >= 0) return segments[i].x + segments[i].width / 2;
      return x((startS + endS) / 2);
    };
    const requests = phases.map((p) => ({ centre: centreOf(p.kind, p.startS, p.endS), variants: p.variants }));
    const labels = placeLabels(requests, innerW, fontPx, 2).map((l) => ({ ...l, centre: requests[l.request].centre }));
    return { x, ticks, segments, dt, dg, throttleXs, labels };
  }, [stages, result, innerW, fontPx, k]);

  const { x, ticks, segments, dt, dg, throttleXs, labels } = geometry;

  const rects = useMemo(
    () =>
      stages.map((s, i) => {
        const seg = segments[i];
        return (
          <rect
            key={i}
            className={stageClass(s, i)}
            data-stage={s.kind}
            data-iteration={s.iteration?.iteration}
            x={seg.x}
            y={trackTop}
            width={seg.width}
            height={trackH}
            fill={s.kind === 'final' ? `url(#${patternId})` : undefined}
          />
        );
      }),
    [stages, segments, trackTop, trackH, patternId],
  );

  function onMove(e: PointerEvent<SVGRectElement>) {
    const [px] = pointer(e.nativeEvent, e.currentTarget);
    const pick = pickStage(segments, px);
    setHover(pick ? { ...pick, px } : null);
  }

  const dtLabelW = textWidth(dt.label, fontPx * 1.08);
  const dtLabelX = clamp(dt.x + dt.width / 2, dtLabelW / 2, innerW - dtLabelW / 2);
  // The degraded label sits centred on its span, pushed right of the downtime label if they would touch.
  const dgLabelW = dg ? textWidth(dg.label, fontPx * 1.08) : 0;
  const dgLabelX = dg ? clamp(Math.max(dg.x + dg.width / 2, dtLabelX + dtLabelW / 2 + 10 + dgLabelW / 2), dgLabelW / 2, innerW - dgLabelW / 2) : 0;
  const dgLabelFits = dg !== null && dgLabelX - dgLabelW / 2 >= dtLabelX + dtLabelW / 2 + 4;
  const hovered = hover ? stages[hover.index] : undefined;
  const tip = hovered ? stageTooltip(hovered, result) : null;
  const hoverSeg = hover ? segments[hover.index] : undefined;

  return (
    <>
      <svg width={width} height={height} role="img" aria-label={timelineSummary(stages, result)}>
        <defs>
          <HatchPattern id={patternId} />
        </defs>
        <g transform={`translate(${margin.left},0)`}>
          <g transform={`translate(0,${trackTop - 4})`}>
            <GridColumns ticks={ticks} scale={x} height={axisY - trackTop + 4} />
          </g>
          {labels.map((l) => {
            const y = trackTop - 8 - l.row * labelRowPx;
            const leader = (l.row > 0 || Math.abs(l.x - l.centre) > 4) && !crossesLowerLabel(labels, l, fontPx);
            return (
              <g key={l.request}>
                {leader ? (
                  <line className="phase-label-rule" x1={l.centre} x2={l.centre} y1={y + 3} y2={trackTop} />
                ) : null}
                <text x={l.x} y={y} textAnchor="middle">
                  {l.text}
                </text>
              </g>
            );
          })}
          <rect className="downtime-band" x={dt.x} y={trackTop - 4} width={dt.width} height={trackH + 8} />
          {rects}
          {hoverSeg ? (
            <rect className="stage-hover" x={hoverSeg.x - 1} y={trackTop - 1} width={hoverSeg.width + 2} height={trackH + 2} />
          ) : null}
          <g data-testid="timeline-downtime">
            <path
              className="downtime-bracket"
              d={`M${dt.x},${bracketTop} v7 H${dt.x + dt.width} v-7`}
            />
            <line className="downtime-bracket" x1={dt.x + dt.width / 2} x2={dt.x + dt.width / 2} y1={bracketTop + 7} y2={bracketTop + 11} />
            <text className="downtime-label" x={dtLabelX} y={bracketTop + 13} dy="0.71em" textAnchor="middle">
              {dt.label}
            </text>
          </g>
          {dg ? (
            <g data-testid="timeline-degraded">
              <path className="degraded-bracket" d={`M${dg.x},${bracketTop} v7 H${dg.x + dg.width} v-7`} />
              {dgLabelFits ? (
                <text className="degraded-label" x={dgLabelX} y={bracketTop + 13} dy="0.71em" textAnchor="middle">
                  {dg.label}
                </text>
              ) : null}
            </g>
          ) : null}
          {throttleXs.map((t) => (
            <g key={t.x} className="throttle-tick" data-throttle={t.throttle}>
              <line x1={t.x} x2={t.x} y1={trackTop - 7} y2={trackBottom + 4} />
              <path d={`M${t.x - 4},${trackTop - 11} h8 l-4,5 z`} />
            </g>
          ))}
          <AxisBottom ticks={ticks} scale={x} y={axisY} width={innerW} labelY={36 * k} label="Time since the migration started (s)" />
          {cursorS !== null && Number.isFinite(cursorS) ? <TimelineCursor stages={stages} segments={segments} t={cursorS} top={trackTop} bottom={trackBottom} innerW={innerW} fontPx={fontPx} /> : null}
          <rect
            className="plot-overlay"
            x={-MIN_STAGE_PX}
            y={trackTop - 6}
            width={innerW + 2 * MIN_STAGE_PX}
            height={trackH + 12}
            onPointerMove={onMove}
            onPointerLeave={() => setHover(null)}
          />
        </g>
      </svg>
      {tip && hover ? (
        <Tooltip
          x={margin.left + hover.px}
          y={trackBottom}
          width={width}
          height={height * 3}
          title={tip.title}
          rows={tupleRows(tip.rows)}
          note={alsoHereText(stages, hover.alsoHere) || undefined}
        />
      ) : null}
    </>
  );
}

/** The player's time on the track: a line across it, a notch above, the time inside the track. */
function TimelineCursor({ stages, segments, t, top, bottom, innerW, fontPx }: { stages: Stage[]; segments: Segment[]; t: number; top: number; bottom: number; innerW: number; fontPx: number }) {
  const px = cursorX(stages, segments, t);
  const label = cursorLabel(t, px, innerW, fontPx);
  return (
    <g className="timeline-cursor" data-testid="timeline-cursor" data-time={t} pointerEvents="none">
      <line x1={px} x2={px} y1={top - 6} y2={bottom + 4} />
      <path d={`M${px - 4},${top - 10} h8 l-4,5 z`} />
      <text x={px + label.dx} y={(top + bottom) / 2} dy="0.35em" textAnchor={label.anchor}>
        {label.text}
      </text>
    </g>
  );
}

const STAGE_COLOUR: Record<StageKind, string> = { pre: '--pre', iteration: '--sent', final: '--final', post: '--post', postcopy: '--postcopy' };

/** The stages' names with their glossary terms: the SVG's labels cannot hold one, the legend beside them does. */
function TimelineLegend({ result }: { result: RunResult }) {
  const box = (v: string) => <span className="chart__swatch-box" style={{ background: `var(${v})` }} />;
  const terms = legendTermScope();
  return (
    <ul>
      {stageLegendFor(result).map((s) => (
        <LegendItem key={s.kind} swatch={s.kind === 'final' ? <span className="chart__swatch-hatch" /> : box(STAGE_COLOUR[s.kind])}>
          {legendText(terms, s.label, s.detail)}
        </LegendItem>
      ))}
      {result.degradedS !== undefined ? (
        <LegendItem
          swatch={
            <svg width={22} height={12}>
              <path className="degraded-bracket" d="M2,3 v6 H20 v-6" />
            </svg>
          }
        >
          {legendText(terms, 'Degraded', ' (working set still arriving)')}
        </LegendItem>
      ) : null}
      {result.throttle?.length ? (
        <LegendItem
          swatch={
            <svg width={12} height={14} className="throttle-tick">
              <line x1={6} x2={6} y1={4} y2={14} />
              <path d="M2,0 h8 l-4,5 z" />
            </svg>
          }
        >
          {legendText(terms, 'Throttle step', ' (auto-converge)')}
        </LegendItem>
      ) : null}
      <LegendItem
        swatch={
          <svg width={22} height={12}>
            <rect x={0} y={0} width={22} height={12} className="downtime-band" />
            <path className="downtime-bracket" d="M2,3 v6 H20 v-6" />
          </svg>
        }
      >
        {legendText(terms, 'Downtime', ' (VM paused)')}
      </LegendItem>
    </ul>
  );
}

function TimelineTable({ stages, result }: { stages: Stage[]; result: RunResult }) {
  return (
    <table>
      <caption>
        Stages of the migration: total {formatSeconds(result.migrationTimeS)} s, downtime {formatSeconds(result.downtimeS)} s
        {result.degradedS !== undefined ? `, degraded ${formatSeconds(result.degradedS)} s` : ''}
        {result.throttle?.length ? `; throttle steps ${result.throttle.map((t) => `${Math.round(t.throttle * 100)}% at ${formatSeconds(t.atS)} s`).join(', ')}` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">Stage</th>
          <th scope="col">Start (s)</th>
          <th scope="col">End (s)</th>
          <th scope="col">Duration (s)</th>
          <th scope="col">Pages sent</th>
          <th scope="col">VM</th>
        </tr>
      </thead>
      <tbody>
        {stages.map((s, i) => (
          <tr key={i}>
            <th scope="row">{s.label}</th>
            <td>{formatSeconds(s.startS)}</td>
            <td>{formatSeconds(s.endS)}</td>
            <td>{formatSeconds(s.endS - s.startS)}</td>
            <td>{s.iteration ? formatPages(s.iteration.pagesSent) : '–'}</td>
            <td>{s.kind === 'final' || s.kind === 'post' ? 'paused' : s.kind === 'postcopy' ? 'running at the destination' : 'running'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
