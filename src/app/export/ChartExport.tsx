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
      const svg = standaloneChartSvg(figure.current, { title, caption: scenarioCaption(run.scenario, run.trace, run.extras), link: run.link, linkNote: UPLOAD_LINK_NOTE });
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
 * they scale to the page's width instead of being cut; afterprint puts the screen size back.
 */
function usePrintScaling(figure: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const plots = () => [...(figure.current?.querySelectorAll<SVGSVGElement>('.chart__plot svg[role="img"]') ?? [])];
    /** Gives a plot drawn at width x height a viewBox of that size and the page's width. */
    const scale = (svg: SVGSVGElement) => {
      const width = svg.getAttribute('width');
      if (width === '100%' || (svg.hasAttribute('viewBox') && svg.dataset.printSize === undefined)) return;
      // A re-render that changed only the width leaves the height removed here: the one kept applies.
      const height = svg.getAttribute('height') ?? svg.dataset.printSize?.split(' ')[1];
      if (!height) return;
      svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
      // Without a height the box follows the viewBox's aspect ratio.
      svg.setAttribute('width', '100%');
      svg.removeAttribute('height');
      svg.dataset.printSize = `${width} ${height}`;
    };
    // A re-render while printing (the layout's new width) writes width and height again: rescale.
    const observer = new MutationObserver((records) => records.forEach((r) => scale(r.target as SVGSVGElement)));
    const before = () => {
      for (const svg of plots()) {
        scale(svg);
        observer.observe(svg, { attributes: true, attributeFilter: ['width', 'height'] });
      }
    };
    const after = () => {
      observer.disconnect();
      for (const svg of plots()) {
        const size = svg.dataset.printSize;
        if (size === undefined) continue;
        const [width, height] = size.split(' ');
        svg.removeAttribute('viewBox');
        svg.setAttribute('width', width);
        svg.setAttribute('height', height);
        delete svg.dataset.printSize;
      }
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [figure]);
}
