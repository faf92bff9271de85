// What the exports describe: the run on screen (its scenario, not the controls' newer one, which may
// still be computing), the trace that drove it, and its share link.
import type { FigureExtras, RunResult, Scenario } from '../../model/index.ts';
import { getAppStore } from '../state/store.ts';
import { viewOf } from '../state/classroom.ts';
import { classroomView } from '../state/classroomView.ts';
import { OVERLAY_TEXT, drawnOverlays } from '../state/overlays.ts';
import { stateQuery } from '../state/urlSync.ts';
import type { TraceRef } from './scenarioText.ts';

export interface ShownRun {
  scenario: Scenario;
  result: RunResult;
  trace: TraceRef | null;
  /** The share link (scenario, trace and start, compared policies, overlays, pins); null for an uploaded trace. */
  link: string | null;
  /** What the charts draw besides the run: the compared policies, the pins and the curves' overlays. */
  extras: FigureExtras;
}

export function shownRun(): ShownRun | null {
  const state = getAppStore().getState();
  const run = state.run;
  if (!run) return null;
  const active = [state.trace, state.uploaded].find((t) => t !== null && t.id === run.traceId) ?? null;
  const trace: TraceRef | null = active ? { kind: active.kind, name: active.name } : null;
  // The view too (Compare draws the pins' curves at its own width), so the link opens the same figure.
  const view = viewOf(classroomView.getState().classroom);
  // Only the overlays drawn for this run (QEMU 7.2's measured runs match few scenarios).
  const overlays = drawnOverlays(state.overlays, run.scenario, trace !== null);
  const query = stateQuery({ scenario: run.scenario, trace: active, compare: state.compare, pins: state.pins, overlays }) + (view === 'explore' ? '' : `&view=${view}`);
  const link = trace?.kind === 'upload' ? null : `${location.origin}${location.pathname}?${query}`;
  const extras: FigureExtras = { compare: state.compare, pins: state.pins, overlays: overlays.map((o) => OVERLAY_TEXT[o]) };
  return { scenario: run.scenario, result: run.result, trace, link, extras };
}

export const UPLOAD_LINK_NOTE = 'An uploaded trace cannot be put in a link.';
