// Mirrors the scenario (with a shipped trace's name, the compared policies, the overlays and the pins) into the address bar
// with history.replaceState, debounced: one entry, not one per slider tick. An uploaded trace cannot be
// in a link; the header says so while one is active. The classroom keys the link had are kept.
import { encodeClassroom, type Classroom } from './classroom.ts';
import { classroomView } from './classroomView.ts';
import { isShippedTrace } from './shippedTraces.ts';
import { encodeState } from './url.ts';
import type { AppState, AppStore } from './store.ts';

const DEBOUNCE_MS = 250;

export function stateQuery(state: Pick<AppState, 'scenario' | 'trace' | 'compare'> & Partial<Pick<AppState, 'pins' | 'overlays'>>): string {
  const trace = state.trace?.kind === 'shipped' && isShippedTrace(state.trace.name) ? state.trace.name : null;
  return encodeState(state.scenario, { trace, compare: state.compare, pins: state.pins ?? [], overlays: state.overlays ?? [] });
}

/** A link to the store's scenario with the classroom keys of `c` after it. */
export function classroomHref(store: AppStore, c: Classroom): string {
  const params = new URLSearchParams(stateQuery(store.getState()));
  for (const [k, v] of encodeClassroom(c)) params.append(k, v);
  return `${location.origin}${location.pathname}?${params.toString()}`;
}

/** The address bar's form: the scenario, then the classroom keys the link had (see classroom.ts). */
export function mirroredHref(store: AppStore): string {
  return classroomHref(store, classroomView.getState().classroom);
}

export function startUrlSync(store: AppStore, rewriteNow: boolean): { flush(): void; stop(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    clearTimeout(timer);
    timer = undefined;
    const href = mirroredHref(store);
    if (href !== location.href) history.replaceState(history.state, '', href);
  };
  // A link that held anything is rewritten at once into its canonical form, junk dropped (a trace the
  // link names stays in it while it loads).
  if (rewriteNow && !store.getState().holdRuns) write();
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(write, DEBOUNCE_MS);
  };
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.scenario === prev.scenario && state.trace === prev.trace && state.compare === prev.compare && state.overlays === prev.overlays && state.pins === prev.pins && state.holdRuns === prev.holdRuns) return;
    later();
  });
  const unsubClassroom = classroomView.subscribe(later);
  return {
    flush: () => timer !== undefined && write(),
    stop: () => {
      clearTimeout(timer);
      unsubscribe();
      unsubClassroom();
    },
  };
}
