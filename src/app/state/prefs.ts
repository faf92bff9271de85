// Theme and type size: remembered in localStorage (read defensively), the theme's default from
// prefers-color-scheme, applied as attributes on <html> so CSS variables follow.
import type { AppStore, Theme } from './store.ts';

const KEY = 'precopy-visualiser:prefs';

export interface Prefs {
  theme: Theme;
  largeType: boolean;
}

export function loadPrefs(): Prefs {
  const systemDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  const prefs: Prefs = { theme: systemDark ? 'dark' : 'light', largeType: false };
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (saved && typeof saved === 'object') {
      const { theme, largeType } = saved as Record<string, unknown>;
      if (theme === 'light' || theme === 'dark') prefs.theme = theme;
      if (typeof largeType === 'boolean') prefs.largeType = largeType;
    }
  } catch {
    // Storage blocked or junk in it: the defaults do.
  }
  return prefs;
}

function apply({ theme, largeType }: Prefs): void {
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.dataset.type = largeType ? 'large' : 'normal';
  root.style.colorScheme = theme;
}

export function startPrefs(store: AppStore): void {
  apply(store.getState());
  store.subscribe((state, prev) => {
    if (state.theme === prev.theme && state.largeType === prev.largeType) return;
    apply(state);
    try {
      localStorage.setItem(KEY, JSON.stringify({ theme: state.theme, largeType: state.largeType }));
    } catch {
      // Not remembered; still applied.
    }
  });
}
