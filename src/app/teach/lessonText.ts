// A lesson's paragraph with its numbers filled in from the simulator, through the same formatters as the
// summary (model/words/format.ts), so the lesson and the result beside it show the same digits and a
// change to the model changes the lesson with it. A step is a fixed small VM: its run costs a few
// milliseconds, so it is computed here, once per step, rather than through the worker.
import { effectiveRate, simulate, type RunResult, type Scenario } from '../../model/index.ts';
import { countsText, iterationsText, liveText, runCounts } from '../../model/words/counts.ts';
import { formatCount, formatDuration } from '../../model/words/format.ts';
import { stepScenario, type LessonStep } from './lessons.ts';

/** The placeholders a lesson's text and question may use, each with its value in words. */
export function lessonNumbers(s: Scenario, r: RunResult): Record<string, string> {
  const first = r.perIteration[0];
  const counts = runCounts(r);
  return {
    time: formatDuration(r.migrationTimeS),
    downtime: formatDuration(r.downtimeS),
    iterations: iterationsText(r.iterations),
    live: liveText(counts.live),
    counts: countsText(counts),
    faults: formatCount(r.remoteFaults ?? 0),
    degraded: formatDuration(r.degradedS ?? 0),
    pre: formatDuration(s.preS),
    post: formatDuration(s.postS),
    firstPass: first ? formatDuration(first.endS - first.startS) : '–',
    linkPages: formatCount(effectiveRate(s).pagesPerSecond),
    timeout: formatDuration(s.timeoutS),
    limit: formatDuration(s.downtimeLimitMs / 1000),
  };
}

/** Replaces each {name} with its value; an unknown name is left as it is (the tests catch it). */
export function fillText(text: string, numbers: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => numbers[name] ?? whole);
}

const cache = new WeakMap<LessonStep, { text: string; question: string; result: RunResult }>();

/** The step's paragraph and question with their numbers, and the run they quote. */
export function stepWords(step: LessonStep): { text: string; question: string; result: RunResult } {
  let hit = cache.get(step);
  if (!hit) {
    const s = stepScenario(step);
    const result = simulate(s);
    const numbers = lessonNumbers(s, result);
    hit = { text: fillText(step.text, numbers), question: fillText(step.question, numbers), result };
    cache.set(step, hit);
  }
  return hit;
}
