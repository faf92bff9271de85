// The lessons quote numbers; this runs each step through the simulator and checks every one of them,
// and that the paragraph shows each number as claimed.
import { describe, expect, it } from 'vitest';
import { bounds, simulate, validateScenario } from '../../model/index.ts';
import { GROUPS } from '../state/classroom.ts';
import { clampScenario } from '../state/url.ts';
import { LESSONS, lessonById, stepScenario } from './lessons.ts';

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
          const quoted = (n: number) => expect(step.text).toContain(`${n.toFixed(2)} s`);
          if (c.migrationTimeS !== undefined) {
            expect(r.migrationTimeS).toBeCloseTo(c.migrationTimeS, 2);
            quoted(c.migrationTimeS);
          }
          if (c.downtimeS !== undefined) {
            expect(r.downtimeS).toBeCloseTo(c.downtimeS, 2);
            quoted(c.downtimeS);
          }
          if (c.iterations !== undefined) {
            expect(r.iterations).toBe(c.iterations);
            expect(step.text).toContain(`${c.iterations} iterations`);
          }
          if (c.remoteFaults !== undefined) {
            expect(r.remoteFaults).toBe(c.remoteFaults);
            expect(step.text).toContain(c.remoteFaults.toLocaleString('en-US'));
          }
          if (c.degradedS !== undefined) {
            expect(r.degradedS).toBeCloseTo(c.degradedS, 2);
            quoted(c.degradedS);
          }
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
