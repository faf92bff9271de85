// The fast path (interval arithmetic over the sequential writer) against the page-by-page walk: for
// `sequential` the two must agree on every iteration and every page count, and in time to 1e-9.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINK_PRESETS, simulate, simulateExact, type Scenario } from '../../src/model/index.ts';
import { PRESETS } from '../../src/model/presets.ts';
import { expectSameRun, mbpsFor, scenario, vmMiBOf } from './helpers.ts';

function agree(s: Scenario, label = JSON.stringify(s)): void {
  const fast = simulate(s);
  const exact = simulateExact(s);
  expectSameRun(fast, exact, 1e-9, label);
}

describe('fast path = page-by-page walk, hand-picked sequential scenarios', () => {
  const cases: [string, Partial<Scenario>][] = [
    ['idle 1 GiB, 1 Gbps', { dirtyRate: 0 }],
    ['1 GiB, 100 Mbps, 2000 pages/s (converging, then capped)', { linkMbps: 94.2, dirtyRate: 2000 }],
    ['1 GiB, 100 Mbps, 300,000 pages/s (skip nearly all)', { linkMbps: 94.2, dirtyRate: 300_000 }],
    ['1 GiB, 1 Gbps, 28,000 pages/s (near the link rate)', { linkMbps: 935, dirtyRate: 28_000 }],
    ['1 GiB, 10 Gbps, 200,000 pages/s', { linkMbps: 7120, dirtyRate: 200_000 }],
    ['rate = link page rate exactly, 4096 pages', { vmMiB: 16, linkMbps: mbpsFor(1024), dirtyRate: 1024 }],
    ['rate = link page rate exactly, 4097 pages', { vmMiB: vmMiBOf(4097), linkMbps: mbpsFor(1024), dirtyRate: 1024 }],
    ['rate just above the link', { vmMiB: 16, linkMbps: mbpsFor(1024), dirtyRate: 1024.5 }],
    ['rate just below the link', { vmMiB: 16, linkMbps: mbpsFor(1024), dirtyRate: 1023.5 }],
    ['one page', { vmMiB: vmMiBOf(1), linkMbps: mbpsFor(1), dirtyRate: 5 }],
    ['1023 pages, writer twice the link', { vmMiB: vmMiBOf(1023), linkMbps: mbpsFor(1000), dirtyRate: 2000, minDirtyPages: 0 }],
    ['working set of one page', { vmMiB: 16, wssPages: 1, linkMbps: 10, dirtyRate: 1e6 }],
    ['working set of 1500 pages, fast writer', { vmMiB: 16, wssPages: 1500, linkMbps: 20, dirtyRate: 50_000 }],
    ['working set of 3000 pages, slow writer', { vmMiB: 16, wssPages: 3000, linkMbps: 20, dirtyRate: 400 }],
    ['512-byte pages', { vmMiB: 4, pageBytes: 512, linkMbps: 50, dirtyRate: 9000 }],
    ['2 MiB pages', { vmMiB: 20_000, pageBytes: 2_097_152, linkMbps: 10_000, dirtyRate: 700 }],
    ['no overheads, no minimum', { vmMiB: 8, preS: 0, postS: 0, minDirtyPages: 0, linkMbps: 30, dirtyRate: 700 }],
    ['maxIterations 1', { vmMiB: 8, maxIterations: 1, linkMbps: 30, dirtyRate: 700 }],
    ['maxFactor 0.5', { vmMiB: 8, maxFactor: 0.5, linkMbps: 30, dirtyRate: 7000 }],
    ['minDirtyPages huge', { vmMiB: 8, minDirtyPages: 1e6, linkMbps: 30, dirtyRate: 7000 }],
    ['non-integer rate and link', { vmMiB: 5.3, linkMbps: 12.345, dirtyRate: 1234.567 }],
  ];
  for (const [name, extra] of cases) {
    it(name, () => agree(scenario({ pattern: 'sequential', ...extra }), name));
  }

  // The app's presets with the sequential writer (the random patterns' fast path is an expectation).
  for (const preset of PRESETS.filter((p) => p.scenario.pattern === 'sequential')) {
    it(`preset ${preset.id}`, () => agree(preset.scenario, preset.id));
  }

  it('Table I links at a range of rates, 64 MiB', () => {
    for (const link of LINK_PRESETS) {
      for (const rate of [100, 1000, 3000, 10_000, 30_000, 100_000, 300_000, 1e6]) {
        agree(scenario({ vmMiB: 64, linkMbps: link.goodputMbps, dirtyRate: rate }), `${link.id} @ ${rate}`);
      }
    }
  });
});

const PAGE_SIZES = [512, 1024, 4096, 8192, 65_536, 2_097_152] as const;

/** Random sequential scenarios: 1..20000 pages, rates 0..1e6, clustered around the link page rate. */
const sequentialScenario = fc
  .record({
    pages: fc.oneof(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom(1, 49, 50, 1023, 1024, 1025, 2048, 4096, 20_000)),
    pageBytes: fc.constantFrom(...PAGE_SIZES),
    // Link page rate: log-uniform 0.5..10^5.5 pages/s, or a round number of pages per second.
    linkPages: fc.oneof(
      fc.double({ min: -0.3, max: 5.5, noNaN: true }).map((x) => 10 ** x),
      fc.constantFrom(1, 16, 512, 1000, 1024, 4096),
    ),
    // Dirty rate: idle, a multiple of the link rate (log-uniform 10^-3..10^3 or a round ratio), or direct.
    rate: fc.oneof(
      fc.constant({ kind: 'idle' as const, v: 0 }),
      fc.double({ min: -3, max: 3, noNaN: true }).map((x) => ({ kind: 'ratio' as const, v: 10 ** x })),
      fc.constantFrom(0.5, 1, 1.5, 2, 3, 100).map((v) => ({ kind: 'ratio' as const, v })),
      fc.double({ min: 0, max: 1e6, noNaN: true }).map((v) => ({ kind: 'direct' as const, v })),
    ),
    wss: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    maxIterations: fc.oneof(fc.constant(29), fc.integer({ min: 1, max: 40 })),
    minDirtyPages: fc.oneof(fc.constant(50), fc.integer({ min: 0, max: 300 })),
    maxFactor: fc.oneof(fc.constant(3), fc.constantFrom(0, 0.5, 1, 2, 5)),
    preS: fc.double({ min: 0, max: 10, noNaN: true }),
    postS: fc.double({ min: 0, max: 2, noNaN: true }),
  })
  .map((g): Scenario => {
    const linkMbps = Math.min(1e6, mbpsFor(g.linkPages, g.pageBytes));
    const linkPages = (linkMbps * 1e6) / 8 / g.pageBytes;
    const dirtyRate = g.rate.kind === 'direct' ? g.rate.v : Math.min(1e6, g.rate.v * linkPages);
    return scenario({
      pattern: 'sequential',
      vmMiB: vmMiBOf(g.pages, g.pageBytes),
      pageBytes: g.pageBytes,
      linkMbps,
      dirtyRate,
      wssPages: g.wss === null ? null : Math.max(1, Math.ceil(g.wss * g.pages)),
      maxIterations: g.maxIterations,
      minDirtyPages: g.minDirtyPages,
      maxFactor: g.maxFactor,
      preS: g.preS,
      postS: g.postS,
    });
  });

describe('fast path = page-by-page walk, generated sequential scenarios', () => {
  it('agrees on iterations, page counts, stop reason and times', () => {
    fc.assert(
      fc.property(sequentialScenario, (s) => {
        agree(s);
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with the default stop parameters on whole-MiB VMs near the link rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.constantFrom(...LINK_PRESETS.map((p) => p.goodputMbps)),
        fc.double({ min: 0.2, max: 20, noNaN: true }),
        (vmMiB, linkMbps, ratio) => {
          const linkPages = (linkMbps * 1e6) / 8 / 4096;
          agree(scenario({ vmMiB, linkMbps, dirtyRate: ratio * linkPages }));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('the generator itself', () => {
  it('produces valid scenarios of 1..20000 pages', () => {
    for (const s of fc.sample(sequentialScenario, 200)) {
      const pages = Math.floor((s.vmMiB * 1048576) / s.pageBytes);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(20_000);
      expect(s.dirtyRate).toBeGreaterThanOrEqual(0);
      expect(s.dirtyRate).toBeLessThanOrEqual(1e6);
      expect(s.linkMbps).toBeGreaterThan(0);
      if (s.wssPages !== null) expect(s.wssPages).toBeLessThanOrEqual(pages);
    }
  });
});
