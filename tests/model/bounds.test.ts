// Akoush Eq. 3 and 4 (bounds()) against Table I of MODEL.md, and positionInRange.
import { describe, expect, it } from 'vitest';
import { LINK_PRESETS, bounds, linkPagesPerSecond, pagesOf, positionInRange } from '../../src/model/index.ts';
import { relErr, scenario } from './helpers.ts';

/** MODEL.md Table I (Akoush Table I), seconds. */
const TABLE_I = {
  '100M': { mtLower: 95.3, mtUpper: 459.1, dtLower: 0.314, dtUpper: 91.4945 },
  '1G': { mtLower: 13.3, mtUpper: 49.9, dtLower: 0.314, dtUpper: 9.4978 },
  '10G': { mtLower: 5.3, mtUpper: 10.1, dtLower: 0.314, dtUpper: 1.5187 },
} as const;

const TOLERANCE = 0.005;

describe('bounds() reproduces Table I', () => {
  it('uses the three presets with the goodputs behind Table I', () => {
    expect(LINK_PRESETS.map((p) => [p.id, p.goodputMbps])).toEqual([
      ['100M', 94.2],
      ['1G', 935],
      ['10G', 7120],
    ]);
  });

  for (const preset of LINK_PRESETS) {
    it(`${preset.label}: every figure within 0.5 %`, () => {
      const s = scenario({ vmMiB: 1024, linkMbps: preset.goodputMbps, preS: 3.78, postS: 0.314 });
      const b = bounds(s);
      const want = TABLE_I[preset.id];
      expect(relErr(b.migrationTimeS.lower, want.mtLower)).toBeLessThan(TOLERANCE);
      expect(relErr(b.migrationTimeS.upper, want.mtUpper)).toBeLessThan(TOLERANCE);
      expect(relErr(b.downtimeS.lower, want.dtLower)).toBeLessThan(TOLERANCE);
      expect(relErr(b.downtimeS.upper, want.dtUpper)).toBeLessThan(TOLERANCE);
    });
  }

  it('is exactly Eq. 3 and 4 written out by hand', () => {
    // 1 GiB of 4 KiB pages is 262144 pages; 94.2 Mbit/s carries 94.2e6 / 8 / 4096 pages per second.
    const N = 262144;
    const L = 94.2e6 / 8 / 4096;
    const b = bounds(scenario({ vmMiB: 1024, linkMbps: 94.2, preS: 3.78, postS: 0.314 }));
    expect(pagesOf(1024, 4096)).toBe(N);
    expect(relErr(linkPagesPerSecond(94.2, 4096), L)).toBeLessThan(1e-15);
    expect(relErr(b.migrationTimeS.lower, 3.78 + 0.314 + N / L)).toBeLessThan(1e-12);
    expect(relErr(b.migrationTimeS.upper, 3.78 + 0.314 + (5 * N - 1) / L)).toBeLessThan(1e-12);
    expect(b.downtimeS.lower).toBe(0.314);
    expect(relErr(b.downtimeS.upper, 0.314 + N / L)).toBeLessThan(1e-12);
  });

  it('follows the scenario: page size, VM size and overheads', () => {
    // 8 MiB of 64 KiB pages = 128 pages; a link of 128 pages/s of 64 KiB = 128 * 65536 * 8 / 1e6 Mbit/s.
    const b = bounds(scenario({ vmMiB: 8, pageBytes: 65536, linkMbps: (128 * 65536 * 8) / 1e6, preS: 2, postS: 1 }));
    expect(b.migrationTimeS.lower).toBeCloseTo(2 + 1 + 1, 12);
    expect(b.migrationTimeS.upper).toBeCloseTo(2 + 1 + (5 * 128 - 1) / 128, 12);
    expect(b.downtimeS.lower).toBe(1);
    expect(b.downtimeS.upper).toBeCloseTo(2, 12);
  });
});

describe('positionInRange', () => {
  const range = { lower: 10, upper: 30 };

  it('is 0 at the lower bound, 1 at the upper and linear between', () => {
    expect(positionInRange(10, range)).toBe(0);
    expect(positionInRange(30, range)).toBe(1);
    expect(positionInRange(20, range)).toBe(0.5);
    expect(positionInRange(15, range)).toBe(0.25);
  });

  it('extrapolates outside the range rather than clamping', () => {
    expect(positionInRange(40, range)).toBe(1.5);
    expect(positionInRange(5, range)).toBe(-0.25);
  });

  it('is 0 for an empty or inverted range', () => {
    expect(positionInRange(7, { lower: 3, upper: 3 })).toBe(0);
    expect(positionInRange(7, { lower: 5, upper: 3 })).toBe(0);
  });

  it('places a bound of a real scenario at its ends', () => {
    const b = bounds(scenario({ linkMbps: 935 }));
    expect(positionInRange(b.downtimeS.upper, b.downtimeS)).toBeCloseTo(1, 12);
    expect(positionInRange(b.migrationTimeS.lower, b.migrationTimeS)).toBe(0);
  });
});
