// A trace's dirty rate over time, small: the highest rate per bucket as a light area, the mean as a
// line, the link's page rate dashed, and where the migration starts (and pre-copy begins) marked.
import { area, line, scaleLinear } from 'd3';
import { useMemo } from 'react';
import type { TraceInfo } from '../../workers/traces.ts';
import { formatPages, formatSeconds } from '../charts/format.ts';

const W = 300;
const H = 64;
const PAD = { top: 4, right: 4, bottom: 4, left: 4 };

export interface TraceSparklineProps {
  info: TraceInfo;
  startS: number;
  /** Pre-migration overhead: pre-copy starts this much after the migration. */
  preS: number;
  /** Pages per second the link carries. */
  linkRate: number;
}

export function TraceSparkline({ info, startS, preS, linkRate }: TraceSparklineProps) {
  const { spark, endS, peakRate } = info;
  const geometry = useMemo(() => {
    const x = scaleLinear().domain([0, Math.max(endS, 1e-9)]).range([PAD.left, W - PAD.right]).clamp(true);
    const top = Math.max(peakRate, linkRate * 1.05, 1);
    const y = scaleLinear().domain([0, top]).range([H - PAD.bottom, PAD.top]).clamp(true);
    // Buckets are steps: each value holds until the next bucket starts.
    const ts = [...spark.t, endS];
    const steps = (values: number[]) => values.flatMap((v, i): [number, number][] => [[ts[i], v], [ts[i + 1], v]]);
    const maxPts = steps(spark.max);
    const meanPts = steps(spark.mean);
    return {
      x,
      y,
      maxPath: area<[number, number]>().x((d) => x(d[0])).y0(y(0)).y1((d) => y(d[1]))(maxPts) ?? '',
      meanPath: line<[number, number]>().x((d) => x(d[0])).y((d) => y(d[1]))(meanPts) ?? '',
    };
  }, [spark, endS, peakRate, linkRate]);
  const { x, y } = geometry;
  const label =
    `Dirty rate of the trace over ${formatSeconds(endS)} s: mean ${formatPages(info.meanRate)}, peak ${formatPages(peakRate)} pages/s ` +
    `(the link carries ${formatPages(linkRate)}). The migration starts at ${formatSeconds(startS)} s.`;
  return (
    <svg className="sparkline" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={label} data-testid="trace-sparkline">
      <path className="sparkline__max" d={geometry.maxPath} />
      <path className="sparkline__mean" d={geometry.meanPath} vectorEffect="non-scaling-stroke" />
      <line className="sparkline__link" x1={PAD.left} x2={W - PAD.right} y1={y(linkRate)} y2={y(linkRate)} vectorEffect="non-scaling-stroke" />
      <rect className="sparkline__pre" x={x(startS)} y={PAD.top} width={Math.max(0, x(startS + preS) - x(startS))} height={H - PAD.top - PAD.bottom} />
      <line className="sparkline__start" x1={x(startS)} x2={x(startS)} y1={0} y2={H} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
