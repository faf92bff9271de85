// Drives the teaching mode while it is open: loads the app's scenario into the replay worker (again,
// superseding, whenever it changes), runs the play loop on requestAnimationFrame, and keeps at most one
// frame request in flight: when it comes back, the newest position is asked for next, so frames are
// dropped, never queued. Frames are drawn in the next animation frame; only a frame of the current
// load and the newest wanted position reaches the canvas.
import type { Scenario } from '../../model/index.ts';
import { REPLAY_MAX_PAGES } from '../../model/replay/index.ts';
import { getAppStore, type ActiveTrace } from '../state/store.ts';
import { parsedTrace } from '../state/boot.ts';
import { isAbortError } from '../workerClient/slot.ts';
import { cellGrid, stepsDue } from './player.ts';
import { createReplayClient, type Frame, type ReplayClient, type ReplayTrace } from './replayBridge.ts';
import { teachStore } from './teachStore.ts';

declare global {
  interface Window {
    /** Canvas updates of the memory map so far (for scripts/bench-fps.ts). */
    __teachFrames?: number;
  }
}

/** How often the narration and legend follow the map while playing, ms (every frame when paused). */
const SHOWN_EVERY_MS = 120;

export interface TeachEngine {
  attachCanvas(canvas: HTMLCanvasElement | null): void;
  dispose(): void;
}

export function startTeachEngine(client: ReplayClient = createReplayClient()): TeachEngine {
  const app = getAppStore();
  let controller = new AbortController();
  let generation = 0;
  let canvas: HTMLCanvasElement | null = null;
  let inFlight = false;
  let requested = -1;
  let pending: Frame | null = null;
  let drawn: Frame | null = null;
  let lastShownAt = 0;
  let raf = 0;
  let lastTick = 0;
  let carry = 0;
  let disposed = false;

  const grid = () => cellGrid(teachStore.getState().summary?.pages ?? 1);

  function load(scenario: Scenario, active: ActiveTrace | null) {
    controller.abort();
    controller = new AbortController();
    const gen = ++generation;
    inFlight = false;
    requested = -1;
    pending = null;
    drawn = null;
    let trace: ReplayTrace | null = null;
    if (active) {
      // The simulator parsed the trace; the replay worker gets a copy of its arrays.
      const data = parsedTrace(active.id);
      if (!data) {
        teachStore.getState().reset('unsupported', `The trace “${active.name}” is not loaded any more, so its run cannot be replayed. Choose it again, or “Constant rate”.`);
        return;
      }
      trace = { id: active.id, times: data.times, rates: data.rates };
    }
    const pages = Math.round((scenario.vmMiB * 1_048_576) / scenario.pageBytes);
    if (pages > REPLAY_MAX_PAGES) {
      teachStore.getState().reset('limit', limitMessage(pages, scenario.pageBytes));
      return;
    }
    teachStore.getState().reset('loading');
    const signal = controller.signal;
    client.load(scenario, trace, signal).then(
      (r) => {
        if (gen !== generation || disposed) return;
        if (r.ok) {
          teachStore.getState().loaded(r.summary);
          pump();
        } else teachStore.getState().reset(r.limit ? 'limit' : 'error', r.limit ? limitMessage(pages, scenario.pageBytes) : `The replay failed: ${r.message}`);
      },
      (e) => {
        if (isAbortError(e) || gen !== generation || disposed) return;
        teachStore.getState().reset('error', `The replay failed: ${e instanceof Error ? e.message : String(e)}`);
      },
    );
  }

  /** Asks for the newest position's frame unless one is in flight or it is already drawn or coming. */
  function pump() {
    const s = teachStore.getState();
    if (inFlight || s.status !== 'ready' || !s.summary || disposed) return;
    const want = s.position;
    if (want === requested) return;
    const { cellsX, cellsY } = grid();
    const gen = generation;
    inFlight = true;
    requested = want;
    client.frame(want, cellsX, cellsY, controller.signal).then(
      (frame) => {
        if (gen !== generation || disposed) return;
        inFlight = false;
        pending = frame;
        schedule();
        pump();
      },
      (e) => {
        if (gen !== generation || disposed) return;
        inFlight = false;
        if (!isAbortError(e)) {
          requested = -1;
          teachStore.getState().reset('error', `The replay failed: ${e instanceof Error ? e.message : String(e)}`);
        }
      },
    );
  }

  function draw(frame: Frame) {
    if (!canvas) return;
    if (canvas.width !== frame.cellsX || canvas.height !== frame.cellsY) {
      canvas.width = frame.cellsX;
      canvas.height = frame.cellsY;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.putImageData(new ImageData(frame.rgba, frame.cellsX, frame.cellsY), 0, 0);
    canvas.dataset.frame = String(frame.eventIndex);
    window.__teachFrames = (window.__teachFrames ?? 0) + 1;
  }

  function publish(frame: Frame, now: number) {
    lastShownAt = now;
    teachStore.getState().setShown({ eventIndex: frame.eventIndex, event: frame.event, counts: frame.counts, context: frame.context });
  }

  function tick(now: number) {
    raf = 0;
    const s = teachStore.getState();
    if (s.playing) {
      const due = stepsDue(lastTick ? now - lastTick : 0, s.speed, carry);
      carry = due.carry;
      if (due.steps > 0) s.advanceBy(due.steps);
      lastTick = now;
    } else {
      lastTick = 0;
      carry = 0;
    }
    if (pending) {
      draw(pending);
      drawn = pending;
      pending = null;
      const t = teachStore.getState();
      if (!t.playing || now - lastShownAt >= SHOWN_EVERY_MS || drawn.eventIndex === t.position) publish(drawn, now);
    }
    pump();
    if (teachStore.getState().playing || pending) schedule();
  }

  function schedule() {
    if (!raf && !disposed) raf = requestAnimationFrame(tick);
  }

  const unsubApp = app.subscribe((s, prev) => {
    if (s.scenario !== prev.scenario || s.trace !== prev.trace) load(s.scenario, s.trace);
  });
  const unsubTeach = teachStore.subscribe((s, prev) => {
    if (s.position !== prev.position || s.status !== prev.status) pump();
    if (s.playing && !prev.playing) {
      lastTick = 0;
      carry = 1; // the first frame of play takes a step at once
      schedule();
    }
    // Paused: the narration catches up with the map at once.
    if (!s.playing && prev.playing && drawn && s.shown?.eventIndex !== drawn.eventIndex) publish(drawn, performance.now());
  });

  const now = app.getState();
  load(now.scenario, now.trace);

  return {
    attachCanvas(c) {
      canvas = c;
      if (c && drawn) draw(drawn);
    },
    dispose() {
      disposed = true;
      controller.abort();
      if (raf) cancelAnimationFrame(raf);
      unsubApp();
      unsubTeach();
      client.terminate();
      teachStore.getState().reset('idle');
    },
  };
}

function limitMessage(pages: number, pageBytes: number): string {
  const limitGiB = (REPLAY_MAX_PAGES * pageBytes) / 2 ** 30;
  return `This VM has ${pages.toLocaleString('en-US')} pages; the page-by-page replay stops at ${REPLAY_MAX_PAGES.toLocaleString('en-US')} pages (${limitGiB.toLocaleString('en-US')} GiB of ${pageBytes / 1024} KiB pages). Choose a smaller VM to step through its migration.`;
}
