// Axes drawn by React from d3's ticks (visx's rule: d3 for the maths, React for the DOM).
import type { Tick } from './scales.ts';

interface AxisProps {
  ticks: readonly Tick[];
  scale: (value: number) => number;
  label: string;
}

/** A bottom axis at the plot's bottom edge (`y`), `width` wide. */
export function AxisBottom({ ticks, scale, label, y, width, labelY = 36 }: AxisProps & { y: number; width: number; labelY?: number }) {
  return (
    <g className="chart-axis" transform={`translate(0,${y})`}>
      <line className="chart-axis__domain" x1={0} x2={width} />
      {ticks.map((t) => {
        const x = scale(t.value);
        return (
          <g key={t.value} transform={`translate(${x},0)`}>
            <line className="chart-axis__tick" y2={t.label ? 6 : 3} />
            {t.label ? (
              <text className="chart-axis__tick-label" y={9} dy="0.71em" textAnchor="middle">
                {t.label}
              </text>
            ) : null}
          </g>
        );
      })}
      <text className="chart-axis__label" x={width / 2} y={labelY} dy="0.71em" textAnchor="middle">
        {label}
      </text>
    </g>
  );
}

/** A left axis from 0 to `height`, its label rotated beside it. */
export function AxisLeft({ ticks, scale, label, height, labelOffset = 48 }: AxisProps & { height: number; labelOffset?: number }) {
  return (
    <g className="chart-axis">
      <line className="chart-axis__domain" y1={0} y2={height} />
      {ticks.map((t) => {
        const y = scale(t.value);
        return (
          <g key={t.value} transform={`translate(0,${y})`}>
            <line className="chart-axis__tick" x2={t.label ? -6 : -3} />
            {t.label ? (
              <text className="chart-axis__tick-label" x={-9} dy="0.32em" textAnchor="end">
                {t.label}
              </text>
            ) : null}
          </g>
        );
      })}
      <text
        className="chart-axis__label"
        transform={`translate(${-labelOffset},${height / 2}) rotate(-90)`}
        textAnchor="middle"
      >
        {label}
      </text>
    </g>
  );
}

/** Horizontal grid lines at the labelled ticks. */
export function GridRows({ ticks, scale, width }: { ticks: readonly Tick[]; scale: (v: number) => number; width: number }) {
  return (
    <g className="chart-grid" aria-hidden="true">
      {ticks
        .filter((t) => t.label)
        .map((t) => (
          <line key={t.value} x1={0} x2={width} y1={scale(t.value)} y2={scale(t.value)} />
        ))}
    </g>
  );
}

/** Vertical grid lines at the labelled ticks. */
export function GridColumns({ ticks, scale, height }: { ticks: readonly Tick[]; scale: (v: number) => number; height: number }) {
  return (
    <g className="chart-grid" aria-hidden="true">
      {ticks
        .filter((t) => t.label)
        .map((t) => (
          <line key={t.value} y1={0} y2={height} x1={scale(t.value)} x2={scale(t.value)} />
        ))}
    </g>
  );
}
