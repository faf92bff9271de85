// The app's state (zustand): the scenario the controls show, UI preferences, and the newest results.
// Only the scenario goes into the URL; results live beside it.
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { RunResult, Scenario } from '../../model/index.ts';
import { PRESETS } from '../../model/presets.ts';
import type { CurveSeries } from '../charts/types.ts';
import { fitWorkingSet } from './ranges.ts';
import { markInput } from './timing.ts';
import { clampScenario } from './url.ts';

export type Theme = 'light' | 'dark';

/** A single run's result and the scenario (and change number) it belongs to. */
export interface RunView {
  seq: number;
  scenario: Scenario;
  result: RunResult;
}

/** The curves for one sweep key (see curvesPlan.ts); partial until `complete`. */
export interface CurvesView {
  key: string;
  series: CurveSeries[];
  complete: boolean;
}

export interface AppState {
  scenario: Scenario;
  /** Counts scenario changes; results carry the number of the change they answer. */
  seq: number;
  /** The preset last applied (its description stays visible while the scenario is edited). */
  presetId: string | null;
  run: RunView | null;
  curves: CurvesView | null;
  workerError: string | null;
  /** What the URL reader ignored, for the notice; empty once dismissed. */
  notice: string[];
  theme: Theme;
  largeType: boolean;

  setField<K extends keyof Scenario>(key: K, value: Scenario[K]): void;
  applyPreset(id: string): void;
  showRun(view: RunView): void;
  showCurves(view: CurvesView): void;
  setWorkerError(message: string | null): void;
  dismissNotice(): void;
  setTheme(theme: Theme): void;
  setLargeType(on: boolean): void;
}

export interface InitialState {
  scenario: Scenario;
  presetId: string | null;
  notice: string[];
  theme: Theme;
  largeType: boolean;
}

function sameScenario(a: Scenario, b: Scenario): boolean {
  return (Object.keys(a) as (keyof Scenario)[]).every((k) => Object.is(a[k], b[k]));
}

export function createAppStore(init: InitialState) {
  return createStore<AppState>()((set, get) => {
    /** A user's change: new change number, marked for User Timing. */
    const change = (scenario: Scenario, presetId: string | null) => {
      if (sameScenario(scenario, get().scenario) && presetId === get().presetId) return;
      const seq = get().seq + 1;
      markInput(seq);
      set({ scenario, seq, presetId });
    };
    return {
      ...init,
      seq: 0,
      run: null,
      curves: null,
      workerError: null,
      setField: (key, value) => change(fitWorkingSet({ ...get().scenario, [key]: value }), get().presetId),
      applyPreset: (id) => {
        const preset = PRESETS.find((p) => p.id === id);
        if (preset) change(clampScenario(preset.scenario), preset.id);
      },
      // A result is shown only if it answers the newest change; anything older is dropped here too.
      showRun: (view) => {
        if (view.seq === get().seq) set({ run: view, workerError: null });
      },
      showCurves: (view) => set({ curves: view }),
      setWorkerError: (workerError) => set({ workerError }),
      dismissNotice: () => set({ notice: [] }),
      setTheme: (theme) => set({ theme }),
      setLargeType: (largeType) => set({ largeType }),
    };
  });
}

export type AppStore = ReturnType<typeof createAppStore>;

let appStore: AppStore | null = null;

export function setAppStore(store: AppStore): void {
  appStore = store;
}

/** The app's store, from React components. */
export function useApp<T>(selector: (s: AppState) => T): T {
  if (!appStore) throw new Error('the app store was not created (see boot.ts)');
  return useStore(appStore, selector);
}

export function getAppStore(): AppStore {
  if (!appStore) throw new Error('the app store was not created (see boot.ts)');
  return appStore;
}

export function presetById(id: string | null) {
  return id ? (PRESETS.find((p) => p.id === id) ?? null) : null;
}

export { sameScenario };
