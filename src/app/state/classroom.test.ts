import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SPEEDS } from '../teach/player.ts';
import { CHARTS, GROUPS, NO_CLASSROOM, VIEW_IDS, decodeClassroom, encodeClassroom, isClassroomKey, viewOf, type Classroom } from './classroom.ts';
import { DEFAULT_SCENARIO, POLICIES } from '../../model/index.ts';
import { decodeUrl, encodeState } from './url.ts';

const params = (q: string) => Array.from(new URLSearchParams(q).entries());

const classroomArb: fc.Arbitrary<Classroom> = fc.record({
  teach: fc.boolean(),
  step: fc.option(fc.integer({ min: 1, max: 1_000_000 })),
  speed: fc.option(fc.constantFrom(...SPEEDS)),
  by: fc.option(fc.constantFrom('batch' as const, 'iteration' as const)),
  autoplay: fc.boolean(),
  theme: fc.option(fc.constantFrom('light' as const, 'dark' as const)),
  large: fc.option(fc.boolean()),
  hide: fc.subarray(GROUPS.map((g) => g.id)),
  embed: fc.boolean(),
  chart: fc.constantFrom(...CHARTS),
  lesson: fc.option(fc.stringMatching(/^[a-z0-9-]{1,40}$/)),
  lessonStep: fc.option(fc.integer({ min: 1, max: 99 })),
  view: fc.option(fc.constantFrom(...VIEW_IDS)),
});

/** What encoding keeps: a chart only with embed, a lesson step only with a lesson, a view only where the other keys do not imply it. */
function canonical(c: Classroom): Classroom {
  const view = c.view === viewOf({ ...c, view: null }) ? null : c.view;
  return { ...c, chart: c.embed ? c.chart : 'iterations', lessonStep: c.lesson === null ? null : c.lessonStep, view };
}

describe('classroom keys', () => {
  it('round-trips every classroom state, with nothing reported', () => {
    fc.assert(
      fc.property(classroomArb, (c) => {
        const back = decodeClassroom(encodeClassroom(c));
        expect(back.ignored).toEqual([]);
        expect(back.classroom).toEqual(canonical(c));
      }),
    );
  });

  it('reads a classroom link', () => {
    const { classroom, ignored } = decodeClassroom(params('teach=1&step=7&speed=30&by=iteration&autoplay=1&theme=dark&large=1&rate_hide=1&summary_hide=1&curves_hide=0'));
    expect(ignored).toEqual([]);
    expect(classroom).toEqual({ ...NO_CLASSROOM, teach: true, step: 7, speed: 30, by: 'iteration', autoplay: true, theme: 'dark', large: true, hide: ['rate', 'summary'] });
  });

  it('reports each bad value and keeps its default', () => {
    const { classroom, ignored } = decodeClassroom(params('teach=yes&step=0&speed=3&by=page&theme=pink&large=2&vm_hide=x&chart=pie&embed=1&lesson-step=1.5&step=9'));
    expect(classroom).toEqual({ ...NO_CLASSROOM, embed: true });
    expect(ignored.join('\n')).toMatch(/teach: "yes"/);
    for (const key of ['step: "0"', 'speed: "3"', 'by: "page"', 'theme: "pink"', 'large: "2"', 'vm_hide: "x"', 'chart: "pie"', 'lesson-step: "1.5"', 'step: repeated']) expect(ignored.join('\n')).toContain(key);
  });

  it('says when chart= comes without embed=1', () => {
    expect(decodeClassroom(params('chart=curves')).ignored).toEqual(['chart: only used with embed=1; ignored']);
  });

  it('clamps a huge step to a million (the player clamps it to the run)', () => {
    expect(decodeClassroom(params('step=999999999')).classroom.step).toBe(1_000_000);
  });

  it('owns exactly its keys: the URL reader no longer calls them unknown, and still reports others', () => {
    for (const g of GROUPS) expect(isClassroomKey(`${g.id}_hide`)).toBe(true);
    expect(isClassroomKey('bogus_hide')).toBe(false);
    expect(isClassroomKey('rate')).toBe(false);
    const d = decodeUrl('?rate=100&teach=1&rate_hide=1&lesson=knee&bogus_hide=1');
    expect(d.ignored).toEqual(['unknown setting "bogus_hide" ignored']);
    expect(d.scenario.dirtyRate).toBe(100);
    expect(d.classroom.teach).toBe(true);
    expect(d.classroom.hide).toEqual(['rate']);
    expect(d.classroom.lesson).toBe('knee');
  });

  it('never throws on hostile input, and what it reads is always well-formed', () => {
    const keys = fc.constantFrom('teach', 'step', 'speed', 'by', 'autoplay', 'theme', 'large', 'embed', 'chart', 'lesson', 'lesson-step', 'rate_hide', 'x_hide', '__proto__');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(keys, fc.string()), fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('1', '0', 'NaN', '1e9', '-1', 'dark'))), { maxLength: 30 }), (entries) => {
        const { classroom: c, ignored } = decodeClassroom(entries);
        expect(Array.isArray(ignored)).toBe(true);
        if (c.step !== null) expect(Number.isInteger(c.step) && c.step >= 1 && c.step <= 1_000_000).toBe(true);
        if (c.speed !== null) expect(SPEEDS).toContain(c.speed);
        expect(CHARTS).toContain(c.chart);
        expect(c.hide.every((g) => GROUPS.some((x) => x.id === g))).toBe(true);
        for (const note of ignored) expect(note).not.toMatch(/[\u0000-\u001f]/);
        expect(() => decodeUrl(`?${new URLSearchParams(entries).toString()}`)).not.toThrow();
      }),
    );
  });
});

describe('views', () => {
  it('a link without view= opens Teach for teach=1 or a lesson, Explore otherwise; view= wins', () => {
    expect(viewOf(decodeClassroom(params('teach=1')).classroom)).toBe('teach');
    expect(viewOf(decodeClassroom(params('lesson=knee')).classroom)).toBe('teach');
    expect(viewOf(decodeClassroom(params('')).classroom)).toBe('explore');
    expect(viewOf(decodeClassroom(params('lesson=knee&view=explore')).classroom)).toBe('explore');
    expect(viewOf(decodeClassroom(params('view=check')).classroom)).toBe('check');
  });

  it('an unknown view is reported and ignored; an implied one is not written', () => {
    const { classroom, ignored } = decodeClassroom(params('view=settings'));
    expect(classroom.view).toBeNull();
    expect(ignored).toEqual(['view: "settings" is not one of explore, teach, compare, sla, check; ignored']);
    expect(encodeClassroom({ ...NO_CLASSROOM, teach: true, view: 'teach' })).toEqual([['teach', '1']]);
    expect(encodeClassroom({ ...NO_CLASSROOM, view: 'compare' })).toEqual([['view', 'compare']]);
  });
});

describe('the longest classroom link', () => {
  it('every field, a trace, all compared policies and every classroom key are read without a notice', () => {
    const all: Classroom = { teach: true, step: 5, speed: 60, by: 'iteration', autoplay: true, theme: 'dark', large: true, hide: GROUPS.map((g) => g.id), embed: true, chart: 'memory', lesson: 'knee', lessonStep: 2, view: 'sla' };
    const params = new URLSearchParams(encodeState(DEFAULT_SCENARIO, { trace: 'nfs-rising', compare: [...POLICIES] }));
    for (const [k, v] of encodeClassroom(all)) params.append(k, v);
    const d = decodeUrl(`?${params.toString()}`);
    expect(d.ignored).toEqual([]);
    expect(d.classroom).toEqual(all);
    expect(d.trace).toBe('nfs-rising');
  });
});
