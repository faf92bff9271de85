// The teaching mode's state (zustand, apart from the app's store): the loaded run's summary, the
// player's position (an event index, with its iteration and time, for charts to follow), play state,
// speed and step granularity, and the frame last drawn on the memory map (for narration and legend).
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ReplayEvent } from '../../model/replay/index.ts';
import { advance, nextStop, prevStop, type Speed } from './player.ts';
import type { EventsSummary, FrameContext } from './replayBridge.ts';

export type Granularity = 'batch' | 'iteration';

/** Where a link or a lesson wants the player: applied once the run it names has loaded. */
export interface PlayerStart {
  /** A stop, 1-based, clamped to the run; null for the start. */
  step: number | null;
  granularity?: Granularity;
  speed?: Speed;
  autoplay?: boolean;
}

export type TeachStatus = 'idle' | 'loading' | 'ready' | 'limit' | 'error' | 'unsupported';

/** What the map shows now: the frame last drawn, without its pixels. */
export interface ShownFrame {
  eventIndex: number;
  event: ReplayEvent;
  counts: number[];
  context: FrameContext;
}

export interface TeachState {
  status: TeachStatus;
  /** Why there is no map (limit, error, unsupported). */
  message: string | null;
  summary: EventsSummary | null;
  /** The player's position: an event index of the run. */
  position: number;
  /** The position's iteration (0 before iteration 1) and time since the migration started, s. */
  iteration: number;
  timeS: number;
  playing: boolean;
  speed: Speed;
  granularity: Granularity;
  shown: ShownFrame | null;
  helpOpen: boolean;
  /** The teaching mode's section is open (the replay worker runs while it is). */
  open: boolean;
  /** A start waiting for the run to load. */
  pendingStart: PlayerStart | null;

  /** A new run is loading (or cannot be shown): everything but the settings is reset. */
  reset(status: TeachStatus, message?: string | null): void;
  loaded(summary: EventsSummary): void;
  setPosition(position: number): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  stepForward(): void;
  stepBack(): void;
  restart(): void;
  /** Moves `steps` stops forward; pauses at the end. */
  advanceBy(steps: number): void;
  setSpeed(speed: Speed): void;
  setGranularity(g: Granularity): void;
  setShown(shown: ShownFrame): void;
  setHelpOpen(open: boolean): void;
  setOpen(open: boolean): void;
  /** Moves the player to `start` now if a run is loaded, else once one loads. */
  requestStart(start: PlayerStart): void;
}

const NO_STOPS = new Int32Array(0);

export function stopsOf(s: Pick<TeachState, 'summary' | 'granularity'>): Int32Array {
  return s.summary ? s.summary.stops[s.granularity] : NO_STOPS;
}

export function createTeachStore() {
  return createStore<TeachState>()((set, get) => {
    const moveTo = (position: number, extra: Partial<TeachState> = {}) => {
      const { summary } = get();
      if (!summary) return;
      const p = Math.min(Math.max(0, position), summary.events - 1);
      set({ position: p, iteration: summary.iteration[p], timeS: summary.atS[p], ...extra });
    };
    const applyStart = (start: PlayerStart) => {
      const stops = stopsOf(get());
      const index = start.step === null || stops.length === 0 ? 0 : Math.min(start.step, stops.length) - 1;
      moveTo(stops.length ? stops[index] : 0, { playing: Boolean(start.autoplay), pendingStart: null });
    };
    return {
      status: 'idle',
      message: null,
      summary: null,
      position: 0,
      iteration: 0,
      timeS: 0,
      playing: false,
      speed: 10,
      granularity: 'batch',
      shown: null,
      helpOpen: false,
      open: false,
      pendingStart: null,

      reset: (status, message = null) => set({ status, message, summary: null, position: 0, iteration: 0, timeS: 0, playing: false, shown: null }),
      loaded: (summary) => {
        set({ status: 'ready', message: null, summary, position: 0, iteration: summary.iteration[0], timeS: summary.atS[0], playing: false, shown: null });
        const start = get().pendingStart;
        if (start) applyStart(start);
      },
      setPosition: (position) => moveTo(position),
      play: () => {
        const s = get();
        if (!s.summary) return;
        const stops = stopsOf(s);
        // Playing from the end starts again.
        if (nextStop(stops, s.position) === s.position) moveTo(0, { playing: true });
        else set({ playing: true });
      },
      pause: () => set({ playing: false }),
      togglePlay: () => (get().playing ? get().pause() : get().play()),
      stepForward: () => moveTo(nextStop(stopsOf(get()), get().position), { playing: false }),
      stepBack: () => moveTo(prevStop(stopsOf(get()), get().position), { playing: false }),
      restart: () => moveTo(0, { playing: false }),
      advanceBy: (steps) => {
        const s = get();
        const stops = stopsOf(s);
        const p = advance(stops, s.position, steps);
        moveTo(p, nextStop(stops, p) === p ? { playing: false } : {});
      },
      setSpeed: (speed) => set({ speed }),
      setGranularity: (granularity) => set({ granularity }),
      setShown: (shown) => set({ shown }),
      setHelpOpen: (helpOpen) => set({ helpOpen }),
      setOpen: (open) => set({ open }),
      requestStart: (start) => {
        set({ ...(start.granularity ? { granularity: start.granularity } : {}), ...(start.speed ? { speed: start.speed } : {}) });
        if (get().status === 'ready' && get().summary) applyStart(start);
        else set({ pendingStart: start });
      },
    };
  });
}

export type TeachStore = ReturnType<typeof createTeachStore>;

/** The teaching mode's store; charts may read `position`, `iteration` and `timeS` to follow the player. */
export const teachStore: TeachStore = createTeachStore();

export function useTeach<T>(selector: (s: TeachState) => T): T {
  return useStore(teachStore, selector);
}
