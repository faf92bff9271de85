// The closed-form geometric series and the naive RAM / bandwidth against hand-worked numbers, the
// bounds and the simulator.
import { describe, expect, it } from 'vitest';
import { closedForm, naiveMigrationTimeS } from '../../src/model/closed-form.ts';
import { LINK_PRESETS, bounds, linkPagesPerSecond, logSpace, simulate } from '../../src/model/index.ts';
import { expectClose, mbpsFor, scenario, vmMiBOf } from './helpers.ts';

const N = 262144;

describe('closed form, by hand', () => {
  it('rho = 1/2 on 1024 pages: 1024, 512, …, 32 (< 50 stops), then 16 in the stop-and-copy', () => {
    // 1000 pages/s link, 500 writes/s.
    const s = scenario({ vmMiB: vmMiBOf(1024), linkMbps: mbpsFor(1000), dirtyRate: 500 });
    const r = closedForm(s);
    expect(r.pagesPerIteration).toEqual([1024, 512, 256, 128, 64, 32, 16]);
    expect(r.stopReason).toBe('few-dirty-pages');
    expect(r.iterations).toBe(7);
    expectClose(r.migrationTimeS, 3.78 + 2032 / 1000 + 0.314, 1e-12);
    expectClose(r.downtimeS, 0.016 + 0.314, 1e-12);
  });
  it('rho >= 1: the whole VM each round until more than 3 VMs are sent, then a full stop-and-copy', () => {
    const s = scenario({ vmMiB: 1024, linkMbps: 935, dirtyRate: 1e6 });
    const L = linkPagesPerSecond(935, 4096);
    const r = closedForm(s);
    expect(r.pagesPerIteration).toEqual([N, N, N, N, N]);
    expect(r.stopReason).toBe('max-data-factor');
    expectClose(r.migrationTimeS, 3.78 + (5 * N) / L + 0.314, 1e-12);
    expectClose(r.downtimeS, N / L + 0.314, 1e-12);
  });
  it('rho just under 1 with a high data cap: stopped by the iteration cap after 29 rounds', () => {
    const s = scenario({ vmMiB: vmMiBOf(1024), linkMbps: mbpsFor(1000), dirtyRate: 990, maxFactor: 100 });
    const r = closedForm(s);
    expect(r.stopReason).toBe('max-iterations');
    expect(r.iterations).toBe(30);
    expectClose(r.pagesPerIteration[29], 1024 * 0.99 ** 29, 1e-12);
  });
});

describe('closed form against the bounds and the simulator', () => {
  it('an idle VM: the simulator and the closed form agree exactly (nothing to resend)', () => {
    for (const p of LINK_PRESETS) {
      const s = scenario({ linkMbps: p.goodputMbps, dirtyRate: 0 });
      const c = closedForm(s);
      const r = simulate(s);
      expectClose(c.migrationTimeS, r.migrationTimeS, 1e-12);
      expectClose(c.downtimeS, r.downtimeS, 1e-12);
    }
  });
  // Eq. 3's upper bound counts 5N - 1 pages (the simulator's cap trips on whole pages); the series sends
  // real-valued rounds, so it may reach 5N: one page's time over.
  it('always within the Eq. 3 and 4 bounds (the upper one to a page)', () => {
    for (const p of LINK_PRESETS) {
      const onePage = 1 / linkPagesPerSecond(p.goodputMbps, 4096);
      for (const rate of logSpace(100, 1e6, 41)) {
        const s = scenario({ linkMbps: p.goodputMbps, dirtyRate: rate });
        const c = closedForm(s);
        const b = bounds(s);
        expect(c.migrationTimeS).toBeGreaterThanOrEqual(b.migrationTimeS.lower - 1e-9);
        expect(c.migrationTimeS).toBeLessThanOrEqual(b.migrationTimeS.upper + onePage + 1e-9);
        expect(c.downtimeS).toBeGreaterThanOrEqual(b.downtimeS.lower - 1e-12);
        expect(c.downtimeS).toBeLessThanOrEqual(b.downtimeS.upper + 1e-9);
      }
    }
  });
  // A sequential writer below the knee never laps the sender, so nothing is skipped and every write hits a
  // page not yet rewritten in this round: the simulator then follows the series (to rounding of pages).
  it('a sequential writer below 0.7 of the link rate: the simulator follows the series', () => {
    for (const p of LINK_PRESETS) {
      const L = linkPagesPerSecond(p.goodputMbps, 4096);
      for (const f of logSpace(0.001, 0.7, 25)) {
        const s = scenario({ linkMbps: p.goodputMbps, dirtyRate: f * L, pattern: 'sequential' });
        const c = closedForm(s);
        const r = simulate(s);
        expect(c.iterations).toBe(r.iterations);
        expectClose(c.migrationTimeS, r.migrationTimeS, 1e-4, `${p.id} at ${f}`);
        expectClose(c.downtimeS, r.downtimeS, 2e-3, `${p.id} at ${f}`);
      }
    }
  });
  it('random writers rewrite pages, so the simulator sends less than the series even below the knee', () => {
    for (const pattern of ['uniform', 'hotcold'] as const) {
      const s = scenario({ dirtyRate: 10_000, pattern });
      expect(simulate(s).migrationTimeS).toBeLessThan(closedForm(s).migrationTimeS * 0.9);
    }
  });
  it('parts from the sequential simulator past the knee: peek and skip send less than the series', () => {
    const s = scenario({ linkMbps: 935, dirtyRate: 1e6 });
    expect(closedForm(s).migrationTimeS).toBeGreaterThan(simulate(s).migrationTimeS * 2);
  });
});

describe('naive RAM / bandwidth', () => {
  it('is the memory over the link, whatever the dirty rate', () => {
    for (const p of LINK_PRESETS) {
      const L = linkPagesPerSecond(p.goodputMbps, 4096);
      expectClose(naiveMigrationTimeS(scenario({ linkMbps: p.goodputMbps, dirtyRate: 1e5 })), N / L, 1e-12);
    }
    // 1 GiB over 935 Mbit/s: 2^30 x 8 / 935e6 = 9.1871 s.
    expectClose(naiveMigrationTimeS(scenario()), (2 ** 30 * 8) / 935e6, 1e-12);
  });
});
