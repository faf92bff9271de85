import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatInstant,
  formatMbps,
  formatPages,
  formatPagesTick,
  formatRate,
  formatRateTick,
  formatSeconds,
  formatSecondsTick,
  formatShortDuration,
} from './format.ts';

describe('formats', () => {
  it('writes pages with thousands separators', () => {
    expect(formatPages(262144)).toBe('262,144');
    expect(formatPages(0)).toBe('0');
    expect(formatPages(1234.6)).toBe('1,235');
    expect(formatPages(Number.NaN)).toBe('–');
  });

  it('writes seconds to three significant digits', () => {
    expect(formatSeconds(33.0198)).toBe('33.0');
    expect(formatSeconds(0.31412)).toBe('0.314');
    expect(formatSeconds(287.32)).toBe('287');
    expect(formatSeconds(1234.5)).toBe('1,230');
    expect(formatSeconds(0)).toBe('0');
  });

  it('adds milliseconds to sub-second durations only', () => {
    expect(formatDuration(0.314)).toBe('314 ms'); // one format for durations everywhere (issue 11)
    expect(formatDuration(1.078)).toBe('1.08 s');
    expect(formatDuration(0)).toBe('0 s');
  });

  it('shortens tiny durations for on-chart labels', () => {
    expect(formatShortDuration(3.78)).toBe('3.78 s');
    expect(formatShortDuration(0.314)).toBe('314 ms'); // one format for durations everywhere (issue 11)
    expect(formatShortDuration(0.00506)).toBe('5.06 ms');
    expect(formatShortDuration(0.0000506)).toBe('50.6 µs');
    expect(formatShortDuration(0)).toBe('0 s');
  });

  it('resolves instants finely enough to tell a short span apart', () => {
    expect(formatInstant(12.967, 6.4)).toBe('13.0');
    expect(formatInstant(6.01452, 0.000235)).toBe('6.01452');
    expect(formatInstant(6.01452, 0)).toBe('6.01');
    expect(formatInstant(0, 0.001)).toBe('0');
  });

  it('writes dirty rates in pages/s and MB/s', () => {
    // 20,000 pages/s of 4 KiB pages = 81.92 MB/s (10^6 bytes).
    expect(formatRate(20000, 4096)).toBe('20,000 pages/s (81.9 MB/s)');
    expect(formatRate(0, 4096)).toBe('0 pages/s (0 MB/s)');
    expect(formatRate(25118.86, 4096)).toBe('25,119 pages/s (103 MB/s)');
  });

  it('writes links and axis ticks compactly', () => {
    expect(formatMbps(7120)).toBe('7,120 Mbit/s');
    expect(formatMbps(94.2)).toBe('94.2 Mbit/s');
    expect(formatPagesTick(250000)).toBe('250k');
    expect(formatPagesTick(0)).toBe('0');
    expect(formatRateTick(1e6)).toBe('1M');
    expect(formatRateTick(100)).toBe('100');
    expect(formatSecondsTick(0.2)).toBe('0.2');
    expect(formatSecondsTick(1000)).toBe('1,000');
    // A 1 TiB VM on a slow link: no exponent on the migration-time axis.
    expect(formatSecondsTick(1e6)).toBe('1,000,000');
    expect(formatSecondsTick(2.5e7)).toBe('25,000,000');
    expect(formatSecondsTick(0)).toBe('0');
    expect(formatSecondsTick(0.0005)).toBe('0.0005');
  });
});
