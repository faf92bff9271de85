// The app's views and moving between them. The view is a classroom key (`view=`, state/classroom.ts);
// a change of view pushes a history entry (so back and forward move between views) while scenario
// edits keep replacing the current one (urlSync.ts).
import { useStore } from 'zustand';
import { decodeClassroom, viewOf, type Group, type ViewId } from './classroom.ts';
import { classroomView } from './classroomView.ts';
import { getAppStore } from './store.ts';
import { mirroredHref } from './urlSync.ts';

export interface ViewInfo {
  id: ViewId;
  label: string;
  /** A shorter label for a crowded bar (Large type); the full label stays the accessible name. */
  short?: string;
  /** The group whose `<group>_hide=1` also hides the view's tab. */
  group?: Group;
}

export const VIEWS: readonly ViewInfo[] = [
  { id: 'explore', label: 'Explore' },
  { id: 'teach', label: 'Teach' },
  { id: 'compare', label: 'Compare', group: 'compare' },
  { id: 'sla', label: 'SLA', group: 'sla' },
  { id: 'check', label: 'Check against the papers', short: 'Check', group: 'validation' },
];

export function useView(): ViewId {
  return useStore(classroomView, (s) => viewOf(s.classroom));
}

/** The addresses of the current state in each view (the tabs' hrefs, so they open in a new tab too). */
export function viewHrefs(): Record<ViewId, string> {
  // The state is encoded once for all the tabs: only the `view` key differs between them.
  const defaultView = viewOf({ ...classroomView.getState().classroom, view: null });
  const base = new URL(mirroredHref(getAppStore()));
  base.searchParams.delete('view');
  const hrefs = {} as Record<ViewId, string>;
  for (const { id } of VIEWS) {
    const url = new URL(base);
    if (id !== defaultView) url.searchParams.append('view', id);
    hrefs[id] = url.toString();
  }
  return hrefs;
}

/** Opens view `id` with a new history entry; `flush` first writes any pending scenario edit in place. */
export function goToView(id: ViewId, flush: () => void): void {
  const c = classroomView.getState().classroom;
  if (viewOf(c) === id) return;
  flush();
  classroomView.getState().set({ view: id });
  const href = mirroredHref(getAppStore());
  if (href !== location.href) history.pushState(history.state, '', href);
  window.scrollTo(0, 0);
}

/** Back and forward: the view of the entry (the scenario stays as it is; the mirror rewrites the entry). */
export function startViewHistory(): () => void {
  const onPop = () => {
    const { classroom } = decodeClassroom(new URLSearchParams(location.search).entries());
    classroomView.getState().set({ view: viewOf(classroom) });
  };
  window.addEventListener('popstate', onPop);
  return () => window.removeEventListener('popstate', onPop);
}
