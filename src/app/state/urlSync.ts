// Mirrors the scenario into the address bar with history.replaceState, debounced: one entry, not one
// per slider tick.
import { encodeScenario } from './url.ts';
import type { AppStore } from './store.ts';

const DEBOUNCE_MS = 250;

export function scenarioHref(store: AppStore): string {
  return `${location.origin}${location.pathname}?${encodeScenario(store.getState().scenario)}`;
}

export function startUrlSync(store: AppStore, rewriteNow: boolean): { flush(): void; stop(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    clearTimeout(timer);
    timer = undefined;
    const href = scenarioHref(store);
    if (href !== location.href) history.replaceState(history.state, '', href);
  };
  // A link that held anything is rewritten at once into its canonical form, junk dropped.
  if (rewriteNow) write();
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.scenario === prev.scenario) return;
    clearTimeout(timer);
    timer = setTimeout(write, DEBOUNCE_MS);
  });
  return {
    flush: () => timer !== undefined && write(),
    stop: () => {
      clearTimeout(timer);
      unsubscribe();
    },
  };
}
