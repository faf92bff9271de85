// Starts the app: the scenario from the URL, preferences, the store, the URL mirror, the workers, and
// the shipped trace a link names (runs wait for it, so the first result already follows it).
import { lessonById } from '../teach/lessons.ts';
import { showLessonStep } from '../teach/lessonControl.ts';
import { teachStore } from '../teach/teachStore.ts';
import { createSimulator, type Simulator } from '../workerClient/bridge.ts';
import { classroomView } from './classroomView.ts';
import type { Classroom } from './classroom.ts';
import { startEngine } from './engine.ts';
import { startPinRuns } from './pinRuns.ts';
import { loadPrefs, startPrefs } from './prefs.ts';
import { createAppStore, setAppStore } from './store.ts';
import { createTraceLoader, type TraceLoader } from './traceLoader.ts';
import { decodeUrl, safeText } from './url.ts';
import { startUrlSync } from './urlSync.ts';
import { START_SCENARIO, namesScenario } from './startScenario.ts';
import { startViewHistory } from './views.ts';

export interface Booted {
  flushUrl(): void;
  traces: TraceLoader;
  simulator: Simulator;
}

let booted: Booted | null = null;

export function boot(): Booted {
  if (booted) return booted;
  const fromUrl = decodeUrl(location.search, location.hash);
  const { classroom } = fromUrl;
  const lesson = lessonById(classroom.lesson);
  const notice = [...fromUrl.ignored, ...lessonNotes(classroom, lesson?.steps.length ?? null)];
  const prefs = loadPrefs();
  // A link without a scenario (the bare address, a lesson, a view) starts on the app's own scenario.
  const fresh = !namesScenario(location.search, location.hash);
  const store = createAppStore({
    // The link's theme and type size hold for this visit; what the user saved is kept until they change it.
    theme: classroom.theme ?? prefs.theme,
    largeType: classroom.large ?? prefs.largeType,
    scenario: fresh ? { ...START_SCENARIO } : fromUrl.scenario,
    presetId: fromUrl.presetId,
    notice,
    compare: fromUrl.compare,
    overlays: fromUrl.overlays,
    pins: fromUrl.pins,
    holdRuns: fromUrl.trace !== null,
  });
  setAppStore(store);
  classroomView.getState().set({ ...classroom, lesson: lesson?.id ?? null, lessonStep: lesson ? classroom.lessonStep : null });
  if (lesson) showLessonStep(lesson, classroom.lessonStep ?? 1);
  else if (classroom.teach || (classroom.embed && classroom.chart === 'memory')) {
    teachStore.getState().requestStart({ step: classroom.step, granularity: classroom.by ?? undefined, speed: classroom.speed ?? undefined, autoplay: classroom.autoplay });
    teachStore.getState().setOpen(true);
  }
  startPrefs(store);
  // A link's theme or type size follows the buttons once the user changes them (the address bar stays true).
  store.subscribe((s, prev) => {
    const c = classroomView.getState().classroom;
    if (c.theme !== null && s.theme !== prev.theme) classroomView.getState().set({ theme: s.theme });
    if (c.large !== null && s.largeType !== prev.largeType) classroomView.getState().set({ large: s.largeType });
  });
  const url = startUrlSync(store, fromUrl.hadState || fresh);
  startViewHistory();
  const simulator = createSimulator();
  startEngine(store, simulator);
  startPinRuns(store, simulator);
  const traces = createTraceLoader(store, simulator);
  if (fromUrl.trace) void traces.selectShipped(fromUrl.trace);
  booted = { flushUrl: url.flush, traces, simulator };
  return booted;
}

function lessonNotes(c: Classroom, steps: number | null): string[] {
  if (c.lesson === null) return c.lessonStep !== null ? ['lesson-step: used only with lesson=; ignored'] : [];
  if (steps === null) return [`lesson: "${safeText(c.lesson)}" is not one of the lessons; ignored`];
  if (c.lessonStep !== null && c.lessonStep > steps) return [`lesson-step: the lesson has ${steps} steps; showed step ${steps}`];
  return [];
}

export function flushUrl(): void {
  booted?.flushUrl();
}

/** A parsed trace's arrays as the simulator keeps them (for the teaching mode's replay worker). */
export function parsedTrace(id: string) {
  return booted?.simulator.parsedTrace(id);
}

/** The trace chooser, for the controls. */
export function traceLoader(): TraceLoader {
  if (!booted) throw new Error('the app was not booted');
  return booted.traces;
}
