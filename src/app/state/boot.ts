// Starts the app: the scenario from the URL, preferences, the store, the URL mirror, the workers, and
// the shipped trace a link names (runs wait for it, so the first result already follows it).
import { createSimulator } from '../worker/bridge.ts';
import { startEngine } from './engine.ts';
import { startPinRuns } from './pinRuns.ts';
import { loadPrefs, startPrefs } from './prefs.ts';
import { createAppStore, setAppStore } from './store.ts';
import { createTraceLoader, type TraceLoader } from './traceLoader.ts';
import { decodeUrl } from './url.ts';
import { startUrlSync } from './urlSync.ts';

export interface Booted {
  flushUrl(): void;
  traces: TraceLoader;
}

let booted: Booted | null = null;

export function boot(): Booted {
  if (booted) return booted;
  const fromUrl = decodeUrl(location.search, location.hash);
  const store = createAppStore({
    ...loadPrefs(),
    scenario: fromUrl.scenario,
    presetId: fromUrl.presetId,
    notice: fromUrl.ignored,
    compare: fromUrl.compare,
    pins: fromUrl.pins,
    holdRuns: fromUrl.trace !== null,
  });
  setAppStore(store);
  startPrefs(store);
  const url = startUrlSync(store, fromUrl.hadState);
  const simulator = createSimulator();
  startEngine(store, simulator);
  startPinRuns(store, simulator);
  const traces = createTraceLoader(store, simulator);
  if (fromUrl.trace) void traces.selectShipped(fromUrl.trace);
  booted = { flushUrl: url.flush, traces };
  return booted;
}

export function flushUrl(): void {
  booted?.flushUrl();
}

/** The trace chooser, for the controls. */
export function traceLoader(): TraceLoader {
  if (!booted) throw new Error('the app was not booted');
  return booted.traces;
}
