// The chrome every chart shares: title, controls, the measured plot area, legend and the text
// alternative (a table behind a Show table / Hide table toggle).
import { useId, useRef, useState, type ReactNode } from 'react';
import { ChartExport } from '../export/ChartExport.tsx';
import { useContainerSize, type ContainerSize } from './useContainerWidth.ts';
import './charts.css';

export interface ChartFrameProps {
  testId: string;
  title: string | null;
  /** Extra controls beside the table toggle (e.g. a log-scale switch). */
  controls?: ReactNode;
  /** A row of controls or notes under the header (e.g. which policies to compare). */
  toolbar?: ReactNode;
  legend: ReactNode;
  /** Notes on what the plot shows, under its legend: never folded away with the options. */
  footnote?: ReactNode;
  /** Called only while the table is shown. */
  renderTable: () => ReactNode;
  /** The plot, given the measured width (CSS pixels) and font size of the plot area. */
  children: (size: ContainerSize) => ReactNode;
}

/** Titles for the exports of charts shown without one. */
const FILE_KEY_TITLE: Record<string, string> = {
  'chart-iterations': 'Pages per iteration',
  'chart-timeline': 'Timeline',
  'chart-curves': 'Migration time and downtime against the dirty rate',
  'chart-starts': 'Results against the start time in the trace',
};

function fileKey(testId: string): string {
  return testId === 'chart-starts' ? 'start-times' : testId.replace(/^chart-/, '');
}

export function ChartFrame({ testId, title, controls, toolbar, legend, footnote, renderTable, children }: ChartFrameProps) {
  const [ref, size] = useContainerSize<HTMLDivElement>();
  const [showTable, setShowTable] = useState(false);
  const [optionsOpen, setOptionsOpen] = useState(false);
  const figure = useRef<HTMLElement>(null);
  const id = useId();
  const titleId = `${id}-title`;
  const tableId = `${id}-table`;
  const optionsId = `${id}-options`;
  const name = title ?? FILE_KEY_TITLE[testId] ?? 'chart';
  return (
    <figure ref={figure} className="chart" data-testid={testId} data-options={optionsOpen ? 'open' : undefined} aria-labelledby={title ? titleId : undefined}>
      <div className="chart__header">
        {title ? (
          <h3 className="chart__title" id={titleId}>
            {title}
          </h3>
        ) : null}
        {/* Projector layout (views.css): the controls and toolbar fold behind this one button. */}
        <button
          type="button"
          className="chart__button chart__options-toggle"
          aria-expanded={optionsOpen}
          aria-controls={optionsId}
          aria-label={`Chart options: ${name}`}
          onClick={() => setOptionsOpen((v) => !v)}
        >
          Options
        </button>
        <div className="chart__options" id={optionsId}>
        <div className="chart__controls">
          {controls}
          <button
            type="button"
            className="chart__button"
            aria-expanded={showTable}
            aria-controls={tableId}
            // Three charts on one screen: each toggle names its chart ("Show table: Timeline…").
            aria-label={`${showTable ? 'Hide' : 'Show'} table: ${title ?? FILE_KEY_TITLE[testId] ?? 'chart'}`}
            onClick={() => setShowTable((v) => !v)}
          >
            {showTable ? 'Hide table' : 'Show table'}
          </button>
          <ChartExport figure={figure} title={title ?? FILE_KEY_TITLE[testId] ?? 'Chart'} fileKey={fileKey(testId)} />
        </div>
        {toolbar ? <div className="chart__toolbar">{toolbar}</div> : null}
        </div>
      </div>
      <div className="chart__plot" ref={ref}>
        {/* Not before the plot area is measured (before the first paint): a plot drawn at a guessed
            width would be drawn again at once. Without a DOM (a static render) nothing will measure it:
            drawn at the fallback size. */}
        {size.measured || typeof document === 'undefined' ? children(size) : null}
      </div>
      <div className="chart__legend">{legend}</div>
      {footnote ? <div className="chart__footnote">{footnote}</div> : null}
      {/* Focusable so keyboard users can scroll a long table (axe: scrollable-region-focusable). */}
      <div
        className="chart__table"
        id={tableId}
        hidden={!showTable}
        role="region"
        aria-label={title ? `${title}: data table` : 'Data table'}
        tabIndex={showTable ? 0 : undefined}
      >
        {showTable ? renderTable() : null}
      </div>
    </figure>
  );
}

/** A legend entry: a swatch (any inline SVG or span) and its text. */
export function LegendItem({ swatch, children }: { swatch: ReactNode; children: ReactNode }) {
  return (
    <li className="chart__legend-item">
      <span className="chart__swatch" aria-hidden="true">
        {swatch}
      </span>
      <span>{children}</span>
    </li>
  );
}

/** The explanatory part of a legend entry: the projector layout shows only the entry's name (views.css). */
export function LegendMore({ children }: { children: ReactNode }) {
  return <span className="chart__legend-more">{children}</span>;
}

/** A label such as "1 Gbps (935 Mbit/s)": the part in brackets is the entry's detail. */
export function LegendDetail({ text }: { text: string }) {
  const at = text.indexOf(' (');
  return at < 0 ? (
    <>{text}</>
  ) : (
    <>
      {text.slice(0, at)}
      <LegendMore>{text.slice(at)}</LegendMore>
    </>
  );
}

/** A check box that switches an axis between linear and log. */
export function LogToggle({ checked, onChange, label = 'Log y-axis' }: { checked: boolean; onChange: (v: boolean) => void; label?: string }) {
  return (
    <label className="chart__toggle">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      {label}
    </label>
  );
}
