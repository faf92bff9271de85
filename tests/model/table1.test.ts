// Table I of MODEL.md out of the simulator itself: an idle VM sits on the lower bounds, a VM dirtied far
// faster than the link ends with the whole of RAM in the stop-and-copy (the downtime upper bound).
import { describe, expect, it } from 'vitest';
import { LINK_PRESETS, bounds, linkPagesPerSecond, simulate } from '../../src/model/index.ts';
import { expectClose, relErr, scenario } from './helpers.ts';

const TABLE_I = {
  '100M': { mtLower: 95.3, dtLower: 0.314, dtUpper: 91.4945 },
  '1G': { mtLower: 13.3, dtLower: 0.314, dtUpper: 9.4978 },
  '10G': { mtLower: 5.3, dtLower: 0.314, dtUpper: 1.5187 },
} as const;

const N = 262144; // 1024 MiB of 4 KiB pages

describe('Table I lower bounds: an idle 1 GiB VM', () => {
  for (const preset of LINK_PRESETS) {
    it(`${preset.label}: migration time and downtime at their lower bounds`, () => {
      const s = scenario({ vmMiB: 1024, linkMbps: preset.goodputMbps, dirtyRate: 0 });
      const r = simulate(s);
      const b = bounds(s);
      const L = linkPagesPerSecond(preset.goodputMbps, 4096);
      // Formula: pre + N/L + post, and downtime = post (the stop-and-copy has nothing to send).
      expectClose(r.migrationTimeS, 3.78 + N / L + 0.314, 1e-12);
      expectClose(r.migrationTimeS, b.migrationTimeS.lower, 1e-12);
      expectClose(r.downtimeS, 0.314, 1e-12);
      expectClose(r.downtimeS, b.downtimeS.lower, 1e-12);
      expect(relErr(r.migrationTimeS, TABLE_I[preset.id].mtLower)).toBeLessThan(0.005);
      expect(relErr(r.downtimeS, TABLE_I[preset.id].dtLower)).toBeLessThan(0.005);
      // By hand: iteration 1 sends all N pages and nothing is written; iteration 2 finds nothing to
      // send (0 + 0 < 50), so iteration 3 is an empty stop-and-copy.
      expect(r.perIteration.map((it) => it.pagesSent)).toEqual([N, 0, 0]);
      expect(r.stopReason).toBe('few-dirty-pages');
      expect(r.pagesSent).toBe(N);
    });
  }
});

describe('Table I downtime upper bound: a VM dirtied far faster than the link', () => {
  it('100 Mbps at 300,000 pages/s: downtime at the upper bound', () => {
    const s = scenario({ vmMiB: 1024, linkMbps: 94.2, dirtyRate: 300_000 });
    const r = simulate(s);
    const final = r.perIteration[r.perIteration.length - 1];
    expect(final.final).toBe(true);
    expect(final.pagesSent).toBe(N);
    expectClose(r.downtimeS, bounds(s).downtimeS.upper, 1e-12);
    expect(relErr(r.downtimeS, TABLE_I['100M'].dtUpper)).toBeLessThan(0.005);
  });

  // Hand-derived for any rate R with floor(R * b) >= N, b = 1024 / L being one batch's time: each
  // non-final iteration starts with an empty peek (no writes since the clean at this instant), so its
  // first batch sends pages 0..1023; by the next peek the writer has lapped the whole VM, so the other
  // N - 1024 pages are skipped and the iteration ends after one batch with every page dirty. Nothing
  // trips before iteration 29 (29 * 1024 = 29696 <= 3N; sent + skipped = N >= 50), so the stop reason
  // is max-iterations and iteration 30 sends all N pages:
  //   migration time = pre + (29 * 1024 + N) / L + post, downtime = N / L + post.
  // R * b: 100 Mbps 1e6 * 0.3562 = 356,192; 1 Gbps 1e7 * 0.03589 = 358,870; 10 Gbps 1e8 * 0.004713 = 471,270.
  const FAST_WRITERS = { '100M': 1e6, '1G': 1e7, '10G': 1e8 } as const;
  for (const preset of LINK_PRESETS) {
    const rate = FAST_WRITERS[preset.id];
    it(`${preset.label} at ${rate} pages/s: one batch per iteration, whole VM in the stop-and-copy`, () => {
      const s = scenario({ vmMiB: 1024, linkMbps: preset.goodputMbps, dirtyRate: rate });
      const L = linkPagesPerSecond(preset.goodputMbps, 4096);
      expect(Math.floor((rate * 1024) / L)).toBeGreaterThanOrEqual(N);
      const r = simulate(s);
      expect(r.iterations).toBe(30);
      expect(r.stopReason).toBe('max-iterations');
      const expectedTable = [
        ...Array.from({ length: 29 }, () => [1024, N - 1024, N]),
        [N, 0, 0],
      ];
      expect(r.perIteration.map((it) => [it.pagesSent, it.pagesSkipped, it.pagesDirtied])).toEqual(expectedTable);
      expect(r.pagesSent).toBe(29 * 1024 + N);
      expectClose(r.migrationTimeS, 3.78 + (29 * 1024 + N) / L + 0.314, 1e-9);
      expectClose(r.downtimeS, N / L + 0.314, 1e-9);
      expectClose(r.downtimeS, bounds(s).downtimeS.upper, 1e-9);
      expect(relErr(r.downtimeS, TABLE_I[preset.id].dtUpper)).toBeLessThan(0.005);
    });
  }
});
