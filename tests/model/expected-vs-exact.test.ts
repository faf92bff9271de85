// For the random patterns (uniform, hotcold) the fast path follows the expected state of the dirty
// bitmap. Here it is compared with the mean of 20 page-exact runs with real seeded random writes.
// The scenarios sit away from knife-edge stop conditions (where a single page decides whether an
// iteration trips the 50-page or the 3x rule, the mean of a step function is not the step function of
// the mean).
import { describe, expect, it } from 'vitest';
import { simulate, simulateExact, type Scenario } from '../../src/model/index.ts';
import { relErr, scenario } from './helpers.ts';

const SEEDS = Array.from({ length: 20 }, (_, i) => 1 + i * 7919);

const CASES: [string, Partial<Scenario>][] = [
  ['uniform, 64 MiB, 100 Mbps, 500 pages/s (converges)', { pattern: 'uniform', vmMiB: 64, linkMbps: 94.2, dirtyRate: 500 }],
  ['uniform, 64 MiB, 100 Mbps, 5000 pages/s (3x cap)', { pattern: 'uniform', vmMiB: 64, linkMbps: 94.2, dirtyRate: 5000 }],
  ['uniform, 64 MiB, 100 Mbps, 30,000 pages/s (3x cap)', { pattern: 'uniform', vmMiB: 64, linkMbps: 94.2, dirtyRate: 30_000 }],
  ['uniform, 128 MiB, 1 Gbps, 10,000 pages/s', { pattern: 'uniform', vmMiB: 128, linkMbps: 935, dirtyRate: 10_000 }],
  ['uniform, 256 MiB, 1 Gbps, 100,000 pages/s', { pattern: 'uniform', vmMiB: 256, linkMbps: 935, dirtyRate: 100_000 }],
  ['uniform, 64 MiB, working set 4096 pages', { pattern: 'uniform', vmMiB: 64, wssPages: 4096, linkMbps: 94.2, dirtyRate: 3000 }],
  ['hotcold, 64 MiB, 100 Mbps, 500 pages/s', { pattern: 'hotcold', vmMiB: 64, linkMbps: 94.2, dirtyRate: 500 }],
  ['hotcold, 64 MiB, 100 Mbps, 10,000 pages/s', { pattern: 'hotcold', vmMiB: 64, linkMbps: 94.2, dirtyRate: 10_000 }],
  ['hotcold, 128 MiB, 1 Gbps, 5000 pages/s', { pattern: 'hotcold', vmMiB: 128, linkMbps: 935, dirtyRate: 5000 }],
  ['hotcold, 128 MiB, 1 Gbps, 30,000 pages/s (30 iterations)', { pattern: 'hotcold', vmMiB: 128, linkMbps: 935, dirtyRate: 30_000 }],
  ['hotcold, 64 MiB, 1 Gbps, 100,000 pages/s', { pattern: 'hotcold', vmMiB: 64, linkMbps: 935, dirtyRate: 100_000 }],
  [
    'hotcold, 64 MiB, 5 % hot taking 80 %, working set 8192',
    { pattern: 'hotcold', vmMiB: 64, wssPages: 8192, hotFraction: 0.05, hotShare: 0.8, linkMbps: 200, dirtyRate: 8000 },
  ],
];

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

describe('expected-value fast path vs the mean of 20 seeded page-exact runs', () => {
  for (const [name, extra] of CASES) {
    it(name, () => {
      const s = scenario(extra);
      const fast = simulate(s);
      const runs = SEEDS.map((seed) => simulateExact({ ...s, seed }));
      const mt = mean(runs.map((r) => r.migrationTimeS));
      const dt = mean(runs.map((r) => r.downtimeS));
      expect(relErr(fast.migrationTimeS, mt), `migration time ${fast.migrationTimeS} vs mean ${mt}`).toBeLessThan(0.01);
      expect(relErr(fast.downtimeS, dt), `downtime ${fast.downtimeS} vs mean ${dt}`).toBeLessThan(0.01);
      // The pages sent over the whole run, too (the downtime above is dominated by postS when the
      // stop-and-copy is small, so the page totals are a second, sharper check).
      const sent = mean(runs.map((r) => r.pagesSent));
      expect(relErr(fast.pagesSent, sent), `pages sent ${fast.pagesSent} vs mean ${sent}`).toBeLessThan(0.01);
      // Iterations: the fast path's count is the most common one, and no run is more than one off.
      const counts = new Map<number, number>();
      for (const r of runs) counts.set(r.iterations, (counts.get(r.iterations) ?? 0) + 1);
      const mode = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
      expect(fast.iterations).toBe(mode);
      for (const r of runs) expect(Math.abs(r.iterations - fast.iterations)).toBeLessThanOrEqual(1);
      expect(runs.filter((r) => r.stopReason === fast.stopReason).length).toBeGreaterThanOrEqual(runs.length / 2);
    });
  }
});

describe('seeds', () => {
  const s = scenario({ pattern: 'uniform', vmMiB: 16, linkMbps: 94.2, dirtyRate: 4000 });

  it('a page-exact run is reproducible from its seed', () => {
    expect(simulateExact({ ...s, seed: 42 })).toEqual(simulateExact({ ...s, seed: 42 }));
  });

  it('different seeds give different page-exact runs', () => {
    const a = simulateExact({ ...s, seed: 1 });
    const b = simulateExact({ ...s, seed: 2 });
    expect(a.perIteration.map((it) => it.pagesDirtied)).not.toEqual(b.perIteration.map((it) => it.pagesDirtied));
  });

  it('the fast path of a random pattern does not depend on the seed', () => {
    for (const pattern of ['uniform', 'hotcold'] as const) {
      expect(simulate({ ...s, pattern, seed: 1 })).toEqual(simulate({ ...s, pattern, seed: 99 }));
    }
  });

  it('uniform page counts are whole numbers after rounding the expectations', () => {
    for (const it of simulate(s).perIteration) {
      expect(Number.isInteger(it.pagesSent)).toBe(true);
      expect(Number.isInteger(it.pagesSkipped)).toBe(true);
      expect(Number.isInteger(it.pagesDirtied)).toBe(true);
    }
  });
});

describe('the expected dirty count of one iteration, by hand', () => {
  it('uniform: after m writes over W pages, W (1 - (1 - 1/W)^m) are dirty', () => {
    // 1024 pages on a link of 1024 pages/s: iteration 1 is one batch taking 1 s, with an empty peek.
    // At R = 1024 there are m = 1024 writes: expected dirty = 1024 (1 - (1023/1024)^1024) = 647.5.
    const s = scenario({ pattern: 'uniform', vmMiB: 4, linkMbps: (1024 * 4096 * 8) / 1e6, dirtyRate: 1024 });
    const r = simulate(s);
    expect(r.perIteration[0].pagesSent).toBe(1024);
    expect(r.perIteration[0].pagesSkipped).toBe(0);
    expect(r.perIteration[0].pagesDirtied).toBe(Math.round(1024 * (1 - (1023 / 1024) ** 1024)));
    expect(r.perIteration[0].pagesDirtied).toBe(647);
    // And the page-exact runs scatter around it.
    const exact = mean(SEEDS.map((seed) => simulateExact({ ...s, seed }).perIteration[0].pagesDirtied));
    expect(Math.abs(exact - 647.5)).toBeLessThan(5);
  });

  it('hotcold: the hot and cold sets fill separately', () => {
    // W = 1000 pages (of 1024), hot set 100 pages taking 90 % of 1024 writes, cold 900 taking 10 %:
    // 100 (1 - (1 - 0.9/100)^1024) + 900 (1 - (1 - 0.1/900)^1024) = 99.99 + 96.8 = 196.8.
    const s = scenario({
      pattern: 'hotcold',
      vmMiB: 4,
      wssPages: 1000,
      hotFraction: 0.1,
      hotShare: 0.9,
      linkMbps: (1024 * 4096 * 8) / 1e6,
      dirtyRate: 1024,
    });
    const want = 100 * (1 - (1 - 0.009) ** 1024) + 900 * (1 - (1 - 0.1 / 900) ** 1024);
    expect(want).toBeCloseTo(196.8, 1);
    expect(simulate(s).perIteration[0].pagesDirtied).toBe(Math.round(want));
    const exact = mean(SEEDS.map((seed) => simulateExact({ ...s, seed }).perIteration[0].pagesDirtied));
    expect(Math.abs(exact - want)).toBeLessThan(5);
  });
});
