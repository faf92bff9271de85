// The lessons quote numbers; this runs each step through the simulator and checks every one of them,
// and that the paragraph shows each number as claimed.
import { describe, expect, it } from 'vitest';
import { bounds, simulate, validateScenario } from '../../model/index.ts';
import { GROUPS } from '../state/classroom.ts';
import { clampScenario } from '../state/url.ts';
import { shortDuration } from '../explore/policyFacts.ts';
import { LESSONS, lessonById, stepScenario } from './lessons.ts';
import { lessonNumbers, stepWords } from './lessonText.ts';

const GROUP_IDS = GROUPS.map((g) => g.id as string);

describe('lessons', () => {
  it('there are at least three, with unique ids that are safe in a URL', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(3);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const l of LESSONS) expect(l.id).toMatch(/^[a-z0-9-]{1,40}$/);
    expect(lessonById('knee')?.title).toMatch(/knee/i);
    expect(lessonById('nope')).toBeNull();
  });

  for (const lesson of LESSONS) {
    describe(lesson.id, () => {
      lesson.steps.forEach((step, i) => {
        it(`step ${i + 1} (${step.title}): a valid scenario inside the controls, and every quoted number is right`, () => {
          const s = stepScenario(step);
          expect(validateScenario(s).ok).toBe(true);
          expect(clampScenario(s)).toEqual(s);
          expect(step.hide.every((g) => GROUP_IDS.includes(g))).toBe(true);
          expect(step.text.length).toBeGreaterThan(80);
          expect(step.question).toMatch(/\?$/);
          const r = simulate(s);
          const b = bounds(s);
          const c = step.claims;
          // The quoted numbers are placeholders filled from this run through the summary's formatters:
          // no duration is written into the text by hand, every placeholder is known, and the filled text
          // shows the summary's digits for the run (formatDuration is what Summary's cards use).
          expect(step.text + step.question).not.toMatch(/\d\s?(s|ms|µs)\b/);
          const words = stepWords(step);
          expect(words.text + words.question).not.toMatch(/[{}]/);
          const numbers = lessonNumbers(s, r);
          for (const [name] of step.text.matchAll(/\{(\w+)\}/g)) expect(words.text).toContain(numbers[name.slice(1, -1)]);
          if (step.text.includes('{time}')) expect(words.text).toContain(shortDuration(r.migrationTimeS));
          if (step.text.includes('{downtime}')) expect(words.text).toContain(shortDuration(r.downtimeS));
          if (step.text.includes('{counts}')) expect(words.text).toContain(`${r.iterations} iterations`);
          if (c.iterations !== undefined) expect(r.iterations).toBe(c.iterations);
          if (c.stopReason !== undefined) expect(r.stopReason).toBe(c.stopReason);
          if (c.atLowerBound) {
            expect(r.migrationTimeS).toBeCloseTo(b.migrationTimeS.lower, 9);
            expect(r.downtimeS).toBeCloseTo(b.downtimeS.lower, 9);
          }
          if (c.downtimeAtUpperBound) expect(r.downtimeS).toBeCloseTo(b.downtimeS.upper, 3);
        });
      });
    });
  }

  it('the knee lesson brackets the knee: converged at 19,000 pages/s, data limit at 21,000', () => {
    const knee = lessonById('knee')!;
    const [below, above] = [knee.steps[1], knee.steps[2]].map((st) => simulate(stepScenario(st)).stopReason);
    expect(below).toBe('few-dirty-pages');
    expect(above).toBe('max-data-factor');
  });
});
