// The rate that moves the data: QEMU's cap (128 MiB/s = 32,768 pages of 4 KiB a second = 1,073.74
// Mbit/s), zero pages and compression (fewer bytes a page), the compressor's throughput.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, LINK_PRESETS, sendPagesPerSecond, type Scenario } from '../../src/model/index.ts';
import { capCurvesText, effectiveRate, effectiveRateText, liftedCapMiBps } from '../../src/model/effective-rate.ts';

const tenGig = LINK_PRESETS.find((l) => l.id === '10G')!.goodputMbps;

describe('effectiveRate', () => {
  it('the link alone: nothing to say', () => {
    const e = effectiveRate(DEFAULT_SCENARIO);
    expect(e.limiter).toBe('link');
    expect(e.differs).toBe(false);
    expect(effectiveRateText(DEFAULT_SCENARIO)).toBeNull();
    // 935 Mbit/s of 4 KiB pages: 935e6 / 8 / 4096 pages a second.
    expect(e.pagesPerSecond).toBeCloseTo(935e6 / 8 / 4096, 6);
  });

  it('QEMU on 10 Gbps: the 128 MiB/s cap decides, and says so in the issue’s words', () => {
    const s: Scenario = { ...DEFAULT_SCENARIO, policy: 'qemu', linkMbps: tenGig };
    const e = effectiveRate(s);
    expect(e.limiter).toBe('cap');
    expect(e.pagesPerSecond).toBeCloseTo(32_768, 6);
    expect(e.capMbps).toBeCloseTo(1073.741824, 6);
    expect(effectiveRateText(s)).toContain('QEMU sends at most 128 MiB/s = 1.07 Gbit/s during the live iterations (its max-bandwidth); the link is 7.12 Gbit/s.');
    // The live phase's page rate is the simulator's.
    expect(e.pagesPerSecond).toBeCloseTo(sendPagesPerSecond(s), 6);
  });

  it('lifting the cap: the smallest whole MiB/s that no longer limits the link', () => {
    const lifted = liftedCapMiBps(tenGig);
    const s: Scenario = { ...DEFAULT_SCENARIO, policy: 'qemu', linkMbps: tenGig, maxBandwidthMiBps: lifted };
    expect(effectiveRate(s).limiter).toBe('link');
    expect(effectiveRate({ ...s, maxBandwidthMiBps: lifted - 1 }).limiter).toBe('cap');
  });

  it('compression and zero pages move more memory than the wire carries; a slow compressor limits', () => {
    const s: Scenario = { ...DEFAULT_SCENARIO, compressionRatio: 2 };
    const e = effectiveRate(s);
    expect(e.memoryMbps).toBeCloseTo(2 * 935, 6);
    expect(effectiveRateText(s)).toContain('moves 1.87 Gbit/s of memory');
    const slow = { ...s, compressMbps: 500 };
    expect(effectiveRate(slow).limiter).toBe('compressor');
    expect(effectiveRate(slow).memoryMbps).toBeCloseTo(500, 6);
    expect(effectiveRateText(slow)).toContain('The compressor reads only 500 Mbit/s of page data');
  });

  it('the curves say when the cap makes QEMU’s faster links coincide', () => {
    const links = LINK_PRESETS.map((l) => l.goodputMbps);
    const qemu = { ...DEFAULT_SCENARIO, policy: 'qemu' as const };
    expect(capCurvesText(qemu, links, true)).toContain('below the 7.12 Gbit/s link');
    expect(capCurvesText(qemu, links, false)).toBeNull();
    expect(capCurvesText({ ...qemu, maxBandwidthMiBps: 1000 }, links, true)).toBeNull();
  });
});
