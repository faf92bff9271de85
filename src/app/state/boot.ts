// Starts the app: the scenario from the URL, preferences, the store, the URL mirror and the workers.
import { createSimulator } from '../worker/bridge.ts';
import { startEngine } from './engine.ts';
import { loadPrefs, startPrefs } from './prefs.ts';
import { createAppStore, setAppStore } from './store.ts';
import { decodeUrl } from './url.ts';
import { startUrlSync } from './urlSync.ts';

export interface Booted {
  flushUrl(): void;
}

let booted: Booted | null = null;

export function boot(): Booted {
  if (booted) return booted;
  const fromUrl = decodeUrl(location.search, location.hash);
  const store = createAppStore({ ...loadPrefs(), scenario: fromUrl.scenario, presetId: fromUrl.presetId, notice: fromUrl.ignored });
  setAppStore(store);
  startPrefs(store);
  const url = startUrlSync(store, fromUrl.hadState);
  startEngine(store, createSimulator());
  booted = { flushUrl: url.flush };
  return booted;
}

export function flushUrl(): void {
  booted?.flushUrl();
}
