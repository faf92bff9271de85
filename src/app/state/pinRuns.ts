// Runs each pinned scenario once (a pin never changes) on the simulator's single-run worker, and
// drops the answer if the pin was removed meanwhile.
import type { Simulator } from '../workerClient/bridge.ts';
import { isAbortError } from '../workerClient/slot.ts';
import type { AppState, AppStore } from './store.ts';

export function startPinRuns(store: AppStore, simulator: Pick<Simulator, 'run'>): () => void {
  const asked = new Map<string, AbortController>();
  const sync = (state: AppState) => {
    const ids = new Set(state.pins.map((p) => p.id));
    for (const [id, controller] of asked) {
      if (!ids.has(id)) {
        controller.abort();
        asked.delete(id);
      }
    }
    for (const pin of state.pins) {
      if (asked.has(pin.id) || state.pinRuns[pin.id]) continue;
      const controller = new AbortController();
      asked.set(pin.id, controller);
      simulator.run(pin.scenario, controller.signal, null).then(
        ({ result }) => {
          if (!controller.signal.aborted) store.getState().showPinRun(pin.id, result);
        },
        (e: unknown) => {
          if (controller.signal.aborted || isAbortError(e)) return;
          asked.delete(pin.id); // the next change of the pins tries again
          store.getState().setWorkerError(`A pinned scenario could not be run: ${e instanceof Error ? e.message : String(e)}`);
        },
      );
    }
  };
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.pins !== prev.pins) sync(state);
  });
  sync(store.getState());
  return () => {
    unsubscribe();
    for (const c of asked.values()) c.abort();
  };
}
