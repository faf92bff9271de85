// The app's state (zustand): the scenario the controls show, the trace and compared policies, UI
// preferences, and the newest results. The scenario, a shipped trace's name, the compared policies, the
// curves' overlays and the pins go into the URL; results live beside them.
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { PolicyName, RunResult, Scenario } from '../../model/index.ts';
import { PRESETS } from '../../model/presets.ts';
import type { RunHeadline } from '../../workers/api.ts';
import type { TraceInfo } from '../../workers/traces.ts';
import type { CurveSeries } from '../charts/types.ts';
import type { StartSeries } from '../charts/startSweep.ts';
import type { Overlay } from './overlays.ts';
import { MAX_PINS, cleanName, defaultName, freeColour, newPinId, type Pin } from './pins.ts';
import { fitWorkingSet } from './ranges.ts';
import { markCompare, markInput } from './timing.ts';
import { clampScenario } from './url.ts';

export type Theme = 'light' | 'dark';

/** A dirty-rate trace the simulator holds: one of the shipped ones, or an upload. */
export interface ActiveTrace {
  /** The simulator's id for it (shipped: its name; uploads: "upload-<n>"). */
  id: string;
  kind: 'shipped' | 'upload';
  /** The shipped trace's name or the uploaded file's name. */
  name: string;
  info: TraceInfo;
}

export interface TraceStatus {
  /** What is being read or parsed now. */
  loading: string | null;
  /** The last load's error ("line 17: rate "abc" is not a number"); the previous state is kept. */
  error: string | null;
}

/** A single run's result and the scenario (and change number) it belongs to. */
export interface RunView {
  seq: number;
  scenario: Scenario;
  traceId: string | null;
  result: RunResult;
  /** With a vCPU limit: the same run without it. */
  unlimited: RunHeadline | null;
}

/** The curves for one plan (see curvesPlan.ts); partial until `complete`. */
export interface CurvesView {
  key: string;
  mode: 'rate' | 'start';
  series: CurveSeries[];
  starts: StartSeries[];
  complete: boolean;
}

export interface AppState {
  scenario: Scenario;
  /** Counts scenario changes; results carry the number of the change they answer. */
  seq: number;
  /** The preset last applied (its description stays visible while the scenario is edited). */
  presetId: string | null;
  /** The trace driving the dirty rate, or null for the scenario's constant rate. */
  trace: ActiveTrace | null;
  /** The last valid upload, selectable again after switching away from it. */
  uploaded: ActiveTrace | null;
  traceStatus: TraceStatus;
  /** Runs wait while a trace named by the link loads, so no result without it is shown first. */
  holdRuns: boolean;
  /** Policies overlaid on the curves beside the scenario's own. */
  compare: PolicyName[];
  /** What the curves chart draws over its curves (in the URL, so a link opens the same figure). */
  overlays: Overlay[];
  /** Scenarios pinned for comparison, in order (in the URL). */
  pins: Pin[];
  /** The pin the others are compared with (null: the first). */
  baselineId: string | null;
  /** Each pin's run, by pin id (computed once: a pin's scenario never changes). */
  pinRuns: Record<string, RunResult>;
  run: RunView | null;
  curves: CurvesView | null;
  workerError: string | null;
  /** What the URL reader ignored, for the notice; empty once dismissed. */
  notice: string[];
  theme: Theme;
  largeType: boolean;

  setField<K extends keyof Scenario>(key: K, value: Scenario[K]): void;
  applyPreset(id: string): void;
  /** Replaces the whole scenario (a lesson's step): constant rate, no preset. */
  setScenario(scenario: Scenario): void;
  /** Makes `trace` (or none) drive the dirty rate; a start past its end is brought to the end. */
  setTrace(trace: ActiveTrace | null, uploaded?: ActiveTrace | null): void;
  setTraceStatus(status: Partial<TraceStatus>): void;
  releaseRuns(notice?: string): void;
  setCompare(policies: PolicyName[]): void;
  /** Shows or hides one overlay of the curves chart. */
  setOverlay(overlay: Overlay, on: boolean): void;
  /** Pins the current scenario (at most six; not a trace-driven one); returns whether it did. */
  pinCurrent(name?: string): boolean;
  unpin(id: string): void;
  renamePin(id: string, name: string): void;
  setPinColour(id: string, colour: number): void;
  setBaseline(id: string | null): void;
  showPinRun(id: string, result: RunResult): void;
  /** Loads a pin's scenario into the controls. */
  applyPin(id: string): void;
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
  compare?: PolicyName[];
  overlays?: Overlay[];
  pins?: Pin[];
  holdRuns?: boolean;
}

/** Field by field (a scenario from a worker or a preset is equal without being the same object). */
function sameScenario(a: Scenario, b: Scenario): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof Scenario)[];
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]));
}

export function createAppStore(init: InitialState) {
  return createStore<AppState>()((set, get) => {
    /** A user's change: new change number, marked for User Timing. */
    const change = (scenario: Scenario, presetId: string | null, trace = get().trace, extra: Partial<AppState> = {}) => {
      const now = get();
      if (sameScenario(scenario, now.scenario) && presetId === now.presetId && trace === now.trace && Object.keys(extra).length === 0) return;
      const seq = now.seq + 1;
      markInput(seq);
      set({ ...extra, scenario, seq, presetId, trace });
    };
    return {
      compare: [],
      overlays: [],
      pins: [],
      holdRuns: false,
      ...init,
      seq: 0,
      trace: null,
      uploaded: null,
      traceStatus: { loading: null, error: null },
      baselineId: null,
      pinRuns: {},
      run: null,
      curves: null,
      workerError: null,
      setField: (key, value) => change(fitWorkingSet({ ...get().scenario, [key]: value }), get().presetId),
      applyPreset: (id) => {
        const preset = PRESETS.find((p) => p.id === id);
        // A preset is a constant-rate scenario: it ends trace-driven runs.
        if (preset) change(clampScenario(preset.scenario), preset.id, null);
      },
      setScenario: (scenario) => change(clampScenario(scenario), null, null),
      setTrace: (trace, uploaded = get().uploaded) => {
        let scenario = get().scenario;
        if (trace && scenario.traceStartS > trace.info.endS) scenario = { ...scenario, traceStartS: trace.info.endS };
        const extra: Partial<AppState> = { traceStatus: { loading: null, error: null }, holdRuns: false };
        if (uploaded !== get().uploaded) extra.uploaded = uploaded;
        change(scenario, get().presetId, trace, extra);
      },
      setTraceStatus: (status) => set({ traceStatus: { ...get().traceStatus, ...status } }),
      releaseRuns: (notice) => change(get().scenario, get().presetId, get().trace, { holdRuns: false, ...(notice ? { notice: [...get().notice, notice] } : {}) }),
      setCompare: (compare) => {
        markCompare();
        set({ compare });
      },
      setOverlay: (overlay, on) => {
        const overlays = get().overlays;
        if (overlays.includes(overlay) === on) return;
        set({ overlays: on ? [...overlays, overlay] : overlays.filter((o) => o !== overlay) });
      },
      pinCurrent: (name) => {
        const { pins, scenario, trace, holdRuns } = get();
        if (pins.length >= MAX_PINS || trace || holdRuns) return false;
        const fallback = defaultName(pins);
        const pin: Pin = { id: newPinId(), name: cleanName(name ?? fallback, fallback), colour: freeColour(pins), scenario };
        set({ pins: [...pins, pin] });
        return true;
      },
      unpin: (id) => {
        const { [id]: _gone, ...pinRuns } = get().pinRuns;
        set({ pins: get().pins.filter((p) => p.id !== id), pinRuns, baselineId: get().baselineId === id ? null : get().baselineId });
      },
      renamePin: (id, name) => set({ pins: get().pins.map((p) => (p.id === id ? { ...p, name: cleanName(name, p.name) } : p)) }),
      setPinColour: (id, colour) => set({ pins: get().pins.map((p) => (p.id === id ? { ...p, colour } : p)) }),
      setBaseline: (baselineId) => set({ baselineId }),
      showPinRun: (id, result) => {
        if (get().pins.some((p) => p.id === id)) set({ pinRuns: { ...get().pinRuns, [id]: result } });
      },
      applyPin: (id) => {
        const pin = get().pins.find((p) => p.id === id);
        if (pin) change(pin.scenario, null, null);
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
