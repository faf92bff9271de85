// Properties of every simulated migration, over random valid scenarios of all three dirty patterns.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PATTERNS,
  bounds,
  linkPagesPerSecond,
  pagesOf,
  simulate,
  validateScenario,
  type RunResult,
  type Scenario,
  type StopReason,
} from '../../src/model/index.ts';
import { expectClose, scenario } from './helpers.ts';

const MIB = 1_048_576;

/** Random valid scenarios of at most 64 MiB; `stops` also randomises the Xen stop parameters. */
function scenarios(stops: boolean): fc.Arbitrary<Scenario> {
  return fc
    .record({
      pattern: fc.constantFrom(...PATTERNS),
      pageBytes: fc.constantFrom(512, 1024, 4096, 8192, 65_536),
      vmFraction: fc.double({ min: 0, max: 1, noNaN: true }),
      linkLog: fc.double({ min: -1, max: 5, noNaN: true }),
      rate: fc.oneof(
        fc.constant(-1),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }).map((v) => 10 + v),
      ),
      wss: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
      hotFraction: fc.double({ min: 0.001, max: 1, noNaN: true }),
      hotShare: fc.double({ min: 0, max: 1, noNaN: true }),
      preS: fc.double({ min: 0, max: 10, noNaN: true }),
      postS: fc.double({ min: 0, max: 2, noNaN: true }),
      maxIterations: fc.integer({ min: 1, max: 40 }),
      minDirtyPages: fc.integer({ min: 0, max: 500 }),
      maxFactor: fc.constantFrom(0, 0.5, 1, 2, 3, 4),
    })
    .map((g) => {
      const pages = Math.max(1, Math.round(g.vmFraction * ((64 * MIB) / g.pageBytes)));
      const linkMbps = 10 ** g.linkLog;
      const linkPages = linkPagesPerSecond(linkMbps, g.pageBytes);
      // rate: -1 = idle; [-3, 3] = log10 of the ratio to the link page rate; >= 10: pages/s minus 10.
      const dirtyRate = g.rate === -1 ? 0 : g.rate <= 3 ? Math.min(1e6, linkPages * 10 ** g.rate) : g.rate - 10;
      const s: Scenario = scenario({
        pattern: g.pattern,
        pageBytes: g.pageBytes,
        vmMiB: (pages * g.pageBytes) / MIB,
        linkMbps,
        dirtyRate,
        wssPages: g.wss === null ? null : Math.max(1, Math.ceil(g.wss * pages)),
        hotFraction: g.hotFraction,
        hotShare: g.hotShare,
        preS: g.preS,
        postS: g.postS,
      });
      return stops ? { ...s, maxIterations: g.maxIterations, minDirtyPages: g.minDirtyPages, maxFactor: g.maxFactor } : s;
    });
}

const RUNS = 300;

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** The structural invariants every run satisfies, whatever its stop parameters. */
function checkStructure(s: Scenario, r: RunResult): void {
  const its = r.perIteration;
  const pages = pagesOf(s.vmMiB, s.pageBytes);
  const exact = s.pattern === 'sequential';
  // Rounded expectations may be off by one per rounded quantity.
  const slack = exact ? 0 : 2;

  expect(r.iterations).toBe(its.length);
  expect(r.iterations).toBeGreaterThanOrEqual(2);
  expect(r.iterations).toBeLessThanOrEqual(s.maxIterations + 1);
  expect(its.map((it) => it.iteration)).toEqual(its.map((_, i) => i + 1));
  expect(its.map((it) => it.final)).toEqual(its.map((_, i) => i === its.length - 1));

  // Time line: contiguous iterations from preS, totals as in Eq. 1 and 2.
  expect(its[0].startS).toBe(s.preS);
  for (let i = 0; i < its.length; i++) {
    if (i > 0) expect(its[i].startS).toBe(its[i - 1].endS);
    expect(its[i].endS).toBeGreaterThanOrEqual(its[i].startS);
  }
  const durations = its.reduce((sum, it) => sum + (it.endS - it.startS), 0);
  expectClose(r.migrationTimeS, s.preS + durations + s.postS, 1e-9, 'migration time = pre + sum + post');
  expectClose(r.migrationTimeS, its[its.length - 1].endS + s.postS, 1e-12, 'migration time = final end + post');
  const final = its[its.length - 1];
  expectClose(r.downtimeS, final.endS - final.startS + s.postS, 1e-9, 'downtime = final duration + post');

  // Page counts.
  expect(r.pagesSent).toBe(its.reduce((sum, it) => sum + it.pagesSent, 0));
  expect(final.pagesSkipped).toBe(0);
  expect(final.pagesDirtied).toBe(0);
  for (const it of its) {
    expect(it.pagesSent).toBeGreaterThanOrEqual(0);
    expect(it.pagesSkipped).toBeGreaterThanOrEqual(0);
    expect(it.pagesSent + it.pagesSkipped).toBeLessThanOrEqual(pages);
  }
  // Iteration 1 walks every page; each later one walks exactly what the previous clean left in to_send.
  expect(Math.abs(its[0].pagesSent + its[0].pagesSkipped - pages)).toBeLessThanOrEqual(slack);
  for (let i = 1; i < its.length; i++) {
    expect(Math.abs(its[i].pagesSent + its[i].pagesSkipped - its[i - 1].pagesDirtied)).toBeLessThanOrEqual(slack);
  }
  // In particular the stop-and-copy sends what the last pre-copy iteration dirtied.
  const prev = its[its.length - 2];
  if (exact) expect(final.pagesSent).toBe(prev.pagesDirtied);
  else expect(Math.abs(final.pagesSent - prev.pagesDirtied)).toBeLessThanOrEqual(1);
  // Durations are the pages sent over the link.
  const link = linkPagesPerSecond(s.linkMbps, s.pageBytes);
  if (exact) for (const it of its) expect(near(it.endS - it.startS, it.pagesSent / link)).toBe(true);

  // The stop reason: the first of the paper's conditions to hold, and none held earlier.
  if (exact) {
    const holds = (i: number, total: number): StopReason | null => {
      const it = its[i];
      if (it.pagesSent + it.pagesSkipped < s.minDirtyPages) return 'few-dirty-pages';
      if (it.iteration >= s.maxIterations) return 'max-iterations';
      if (total > s.maxFactor * pages) return 'max-data-factor';
      return null;
    };
    let total = 0;
    for (let i = 0; i < its.length - 1; i++) {
      total += its[i].pagesSent;
      expect(holds(i, total)).toBe(i === its.length - 2 ? r.stopReason : null);
    }
  }
}

describe('properties of every run', () => {
  it('time line, page counts and stop reason are consistent (random stop parameters too)', () => {
    fc.assert(
      fc.property(scenarios(true), (s) => {
        const v = validateScenario(s);
        expect(v.ok, JSON.stringify(v)).toBe(true);
        checkStructure(s, simulate(s));
      }),
      { numRuns: RUNS },
    );
  });

  it('with the default stop parameters: within Eq. 3 (plus one page) and Eq. 4, at most 30 iterations', () => {
    fc.assert(
      fc.property(scenarios(false), (s) => {
        const r = simulate(s);
        const b = bounds(s);
        const pageTime = 1 / linkPagesPerSecond(s.linkMbps, s.pageBytes);
        const eps = 1e-9 * b.migrationTimeS.upper;
        expect(r.migrationTimeS).toBeGreaterThanOrEqual(b.migrationTimeS.lower - eps);
        // MODEL's strict '>' in the 3x rule allows exactly 5N pages: one page time above (5N - 1)/L.
        expect(r.migrationTimeS).toBeLessThanOrEqual(b.migrationTimeS.upper + pageTime + eps);
        expect(r.downtimeS).toBeGreaterThanOrEqual(b.downtimeS.lower - 1e-9 * b.downtimeS.upper);
        expect(r.downtimeS).toBeLessThanOrEqual(b.downtimeS.upper * (1 + 1e-9));
        expect(r.iterations).toBeLessThanOrEqual(30);
        const pages = pagesOf(s.vmMiB, s.pageBytes);
        expect(r.pagesSent).toBeLessThanOrEqual(5 * pages);
        if (s.pattern === 'sequential') expect(r.pagesSent).toBeGreaterThanOrEqual(pages);
      }),
      { numRuns: RUNS },
    );
  });

  it('sequential runs page counts never exceed the working set after iteration 1', () => {
    fc.assert(
      fc.property(scenarios(true), (s0) => {
        const s = { ...s0, pattern: 'sequential' as const };
        const r = simulate(s);
        const w = s.wssPages ?? pagesOf(s.vmMiB, s.pageBytes);
        for (const it of r.perIteration) expect(it.pagesDirtied).toBeLessThanOrEqual(w);
        for (const it of r.perIteration.slice(1)) expect(it.pagesSent + it.pagesSkipped).toBeLessThanOrEqual(w);
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic: the same input twice gives deep-equal results', () => {
    fc.assert(
      fc.property(scenarios(true), (s) => {
        expect(simulate({ ...s })).toEqual(simulate({ ...s }));
      }),
      { numRuns: 100 },
    );
  });

  it('an idle VM never migrates slower on a faster link', () => {
    fc.assert(
      fc.property(scenarios(false), fc.double({ min: 1, max: 100, noNaN: true }), (s, factor) => {
        const idle = { ...s, dirtyRate: 0 };
        const faster = { ...idle, linkMbps: Math.min(1e6, idle.linkMbps * factor) };
        const a = simulate(idle);
        const b = simulate(faster);
        expect(b.migrationTimeS).toBeLessThanOrEqual(a.migrationTimeS);
        expect(b.downtimeS).toBe(s.postS);
        expect(a.downtimeS).toBe(s.postS);
      }),
      { numRuns: 100 },
    );
  });
});
