// The memory map: every page of the VM as a cell of a canvas (cells aggregate pages past 512 x 512 and
// show their mix), coloured by state, drawn by the teaching engine from the worker's frames. Beside it
// a legend with the pages per state, and a polite live summary for screen readers, updated at most
// every few seconds while playing.
import { useEffect, useRef, useState } from 'react';
import { DEFAULT_PALETTE, PAGE_STATE_TEXT, PageState } from '../../model/replay/index.ts';
import { count } from './narrate.ts';
import { cellGrid } from './player.ts';
import type { TeachEngine } from './teachEngine.ts';
import { useTeach } from './teachStore.ts';

/** The states in legend order, with the short names the legend and summary use. */
const LEGEND: { code: number; name: string; postcopyOnly?: boolean }[] = [
  { code: PageState.CLEAN, name: 'Clean at the destination' },
  { code: PageState.TO_SEND, name: 'To send this iteration' },
  { code: PageState.TO_SEND_DIRTY, name: 'To send, dirtied again' },
  { code: PageState.DIRTY, name: 'Dirtied since the last clean' },
  { code: PageState.SKIPPED, name: 'Skipped' },
  { code: PageState.SENT_THIS_BATCH, name: 'Sent in this batch' },
  { code: PageState.SENT, name: 'Sent earlier this iteration' },
  { code: PageState.SENT_FINAL, name: 'Sent in the final copy' },
  { code: PageState.FAULTED, name: 'Fetched on demand (remote fault)', postcopyOnly: true },
];

const colour = (code: number) => `rgb(${DEFAULT_PALETTE[4 * code]} ${DEFAULT_PALETTE[4 * code + 1]} ${DEFAULT_PALETTE[4 * code + 2]})`;

/** How often the live summary may speak while playing, ms. */
const LIVE_EVERY_MS = 4000;

export function MemoryMap({ engine }: { engine: TeachEngine | null }) {
  const status = useTeach((s) => s.status);
  const message = useTeach((s) => s.message);
  const summary = useTeach((s) => s.summary);
  const shown = useTeach((s) => s.shown);
  const playing = useTeach((s) => s.playing);
  const canvas = useRef<HTMLCanvasElement | null>(null);

  useEffect(() => {
    engine?.attachCanvas(canvas.current);
    return () => engine?.attachCanvas(null);
  }, [engine, status]);

  // The live summary: at once when paused, at most every LIVE_EVERY_MS while playing.
  const [live, setLive] = useState('');
  const lastLive = useRef(0);
  useEffect(() => {
    if (!shown || !summary) return;
    const text = `Pages: ${LEGEND.filter((l) => shown.counts[l.code] > 0)
      .map((l) => `${l.name.toLowerCase()} ${count(shown.counts[l.code])}`)
      .join('; ')}.`;
    const now = performance.now();
    if (!playing || now - lastLive.current >= LIVE_EVERY_MS) {
      lastLive.current = now;
      setLive(text);
      return;
    }
    const timer = setTimeout(() => {
      lastLive.current = performance.now();
      setLive(text);
    }, LIVE_EVERY_MS - (now - lastLive.current));
    return () => clearTimeout(timer);
  }, [shown, summary, playing]);

  if (status === 'limit' || status === 'error' || status === 'unsupported')
    return (
      <div className="teach__map-message" role="status">
        <p>{message}</p>
      </div>
    );

  const pages = summary?.pages ?? 0;
  const { cellsX, cellsY } = cellGrid(Math.max(1, pages));
  const perCell = pages > cellsX * cellsY ? pages / (cellsX * cellsY) : 1;
  const postcopy = summary?.policy === 'postcopy' || summary?.policy === 'hybrid';
  const label = summary
    ? `Memory map of all ${count(pages)} pages, ${perCell > 1 ? `${perCell.toFixed(perCell < 10 ? 1 : 0)} pages per cell, mixed colours for mixed cells` : 'one cell per page'}, coloured by state; the legend and the summary below give the counts.`
    : 'Memory map, loading';

  return (
    <div className="teach__map">
      <canvas ref={canvas} className="teach__canvas" role="img" aria-label={label} width={cellsX} height={cellsY} style={{ aspectRatio: `${cellsX} / ${cellsY}` }} data-testid="memory-map" />
      <div className="teach__legend">
        <h3 className="teach__legend-title">Pages by state</h3>
        <ul>
          {LEGEND.filter((l) => !l.postcopyOnly || postcopy).map((l) => (
            <li key={l.code} title={PAGE_STATE_TEXT[l.code]}>
              <span className="teach__swatch" style={{ background: colour(l.code) }} aria-hidden="true" />
              <span className="teach__legend-name">{l.name}</span>
              <span className="teach__legend-count">{shown ? count(shown.counts[l.code]) : '–'}</span>
            </li>
          ))}
        </ul>
        <p className="teach__map-note">{summary ? `${count(pages)} pages · ${cellsX} × ${cellsY} cells${perCell > 1 ? ` · ${perCell.toFixed(perCell < 10 ? 1 : 0)} pages each` : ''}` : ''}</p>
      </div>
      <p className="visually-hidden" aria-live="polite" data-testid="map-live">
        {live}
      </p>
    </div>
  );
}
