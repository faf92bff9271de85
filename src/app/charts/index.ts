// The charts of the visualiser. Each imports ./charts.css itself (colours as CSS custom properties,
// light defaults, [data-theme="dark"] override); see that file for the variables.
export { IterationChart, type IterationChartOptions, type IterationOverlay } from './IterationChart.tsx';
export { CurvesChart, type CurvesChartOptions, type CurvesExtra } from './CurvesChart.tsx';
export { TimelineChart, type TimelineChartOptions } from './TimelineChart.tsx';
export { StartSweepChart, type StartSweepChartProps } from './StartSweepChart.tsx';
export type { StartPoint, StartSeries } from './startSweep.ts';
export type { CurveSeries, CurvesChartProps, IterationChartProps, TimelineChartProps } from './types.ts';
