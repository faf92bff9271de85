// The SVG and PNG buttons in each chart's header (ChartFrame): a standalone picture of the chart with
// its title, legend and a caption naming the scenario and its share link.
import { useEffect, useState, type RefObject } from 'react';
import { svgToPng } from './chartPng.ts';
import { standaloneChartSvg } from './chartSvg.ts';
import { downloadBlob } from './download.ts';
import { exportBaseName, scenarioCaption } from './scenarioText.ts';
import { UPLOAD_LINK_NOTE, shownRun } from './shownRun.ts';
import './export.css';
import './print.css';

export interface ChartExportProps {
  figure: RefObject<HTMLElement | null>;
  /** The chart's title (also its default file-name part's source). */
  title: string;
  /** The chart's part of the file name, e.g. "iterations". */
  fileKey: string;
}

export function ChartExport({ figure, title, fileKey }: ChartExportProps) {
  const [status, setStatus] = useState('');
  usePrintScaling(figure);
  const save = async (kind: 'svg' | 'png') => {
    const run = shownRun();
    if (!run || !figure.current) {
      setStatus('Nothing to export yet.');
      return;
    }
    try {
      const svg = standaloneChartSvg(figure.current, { title, caption: scenarioCaption(run.scenario, run.trace), link: run.link, linkNote: UPLOAD_LINK_NOTE });
      const name = `${exportBaseName(fileKey, run.scenario, run.trace)}.${kind}`;
      downloadBlob(kind === 'svg' ? new Blob([svg.text], { type: 'image/svg+xml' }) : await svgToPng(svg), name);
      setStatus('');
    } catch (error) {
      setStatus(`Export failed: ${(error as Error).message}`);
    }
  };
  return (
    <span className="chart__export" role="group" aria-label={`Export ${title}`}>
      <button type="button" className="chart__button" aria-label={`SVG: download ${title}`} onClick={() => void save('svg')}>
        SVG
      </button>
      <button type="button" className="chart__button" aria-label={`PNG: download ${title} at 2x`} onClick={() => void save('png')}>
        PNG
      </button>
      <span className="chart__export-status" role="status">
        {status}
      </span>
    </span>
  );
}

/**
 * The plots are drawn at the screen's width; for printing they get a viewBox of that size so that
 * print.css can scale them to the page's width (max-width: 100%) instead of cutting them.
 */
function usePrintScaling(figure: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const plots = () => [...(figure.current?.querySelectorAll<SVGSVGElement>('.chart__plot svg[role="img"]') ?? [])];
    const before = () => {
      for (const svg of plots()) {
        if (svg.hasAttribute('viewBox')) continue;
        svg.setAttribute('viewBox', `0 0 ${svg.width.baseVal.value} ${svg.height.baseVal.value}`);
        svg.dataset.printScaled = '';
      }
    };
    const after = () => {
      for (const svg of plots()) {
        if (svg.dataset.printScaled === undefined) continue;
        svg.removeAttribute('viewBox');
        delete svg.dataset.printScaled;
      }
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [figure]);
}
