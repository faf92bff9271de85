// What the classroom keys of the link asked for this visit (hidden groups, embed, lesson…), kept apart
// from the scenario's store: the URL mirror writes them back (the lesson step as it moves), and the
// page reads the hidden groups and the embed mode from here. A lesson step's own hidden groups are
// added while it is shown; they are not written into the URL (the lesson's key brings them back).
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { NO_CLASSROOM, type Classroom, type Group } from './classroom.ts';

interface ClassroomView {
  classroom: Classroom;
  lessonHide: Group[];
  set(patch: Partial<Classroom>): void;
  setLessonHide(groups: Group[]): void;
}

export const classroomView = createStore<ClassroomView>()((set, get) => ({
  classroom: NO_CLASSROOM,
  lessonHide: [],
  set: (patch) => set({ classroom: { ...get().classroom, ...patch } }),
  setLessonHide: (lessonHide) => set({ lessonHide }),
}));

export function useClassroom<T>(selector: (c: Classroom) => T): T {
  return useStore(classroomView, (s) => selector(s.classroom));
}

/** Whether the link or the lesson step hid `group`. */
export function useHidden(group: Group): boolean {
  return useStore(classroomView, (s) => s.classroom.hide.includes(group) || s.lessonHide.includes(group));
}

/** Whether `group` is in a list from useHiddenList(). */
export function listHides(list: string, group: Group): boolean {
  return list.split(' ').includes(group);
}

/** Every hidden group, space-separated (for CSS attribute selectors). */
export function useHiddenList(): string {
  return useStore(classroomView, (s) => [...new Set([...s.classroom.hide, ...s.lessonHide])].join(' '));
}
