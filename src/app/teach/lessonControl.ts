// Applying a lesson's step: the app's scenario, the groups it hides, the teaching mode opened and the
// player moved to the step's position once the replay has loaded; and leaving the lesson.
import { classroomView } from '../state/classroomView.ts';
import { getAppStore } from '../state/store.ts';
import { lessonById, stepScenario, type Lesson } from './lessons.ts';
import { teachStore } from './teachStore.ts';

/** Shows step `k` (1-based, clamped) of `lesson`. */
export function showLessonStep(lesson: Lesson, k: number): void {
  const index = Math.min(Math.max(1, Math.round(k)), lesson.steps.length) - 1;
  const step = lesson.steps[index];
  // The scenario first: an open replay starts reloading at once, so the start waits for the new run.
  getAppStore().getState().setScenario(stepScenario(step));
  classroomView.getState().set({ lesson: lesson.id, lessonStep: index + 1 });
  classroomView.getState().setLessonHide(step.hide);
  teachStore.getState().requestStart(step.start);
  teachStore.getState().setOpen(true);
}

export function startLesson(id: string, k = 1): boolean {
  const lesson = lessonById(id);
  if (lesson) showLessonStep(lesson, k);
  return lesson !== null;
}

export function leaveLesson(): void {
  classroomView.getState().set({ lesson: null, lessonStep: null });
  classroomView.getState().setLessonHide([]);
}
