// The shared formatters: each magnitude gets its unit and three significant digits, and no output is
// ever in exponent form (the "9.95e-3 %").
import { describe, expect, it } from 'vitest';
import { formatBitRate, formatCount, formatDuration, formatMiBps, formatNumber, formatPercent, formatShare, formatSinceStart, formatSizeBytes, formatSizeMiB, formatTimes } from '../../src/model/words/format.ts';

const EXPONENT = /\d[eE][+-]?\d/;

describe('formatDuration', () => {
  it('picks µs, ms or s by magnitude, with three significant digits', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(0.0000506)).toBe('50.6 µs');
    expect(formatDuration(0.00506)).toBe('5.06 ms');
    expect(formatDuration(0.314)).toBe('314 ms');
    expect(formatDuration(0.68)).toBe('680 ms');
    expect(formatDuration(10.97)).toBe('11.0 s'); // the issue: lessons said 10.97 s where the summary said 11.0 s
    expect(formatDuration(157.98)).toBe('158 s');
    expect(formatDuration(1028.094)).toBe('1,030 s');
    expect(formatDuration(123_456_789)).toBe('123,000,000 s');
  });
  it('rounds across a unit boundary into the larger unit', () => {
    expect(formatDuration(0.99951)).toBe('1.00 s');
    expect(formatDuration(0.0009996)).toBe('1.00 ms');
  });
  it('says what a point in time is measured from', () => {
    expect(formatSinceStart(6.88)).toBe('6.88 s after the migration began');
  });
});

describe('sizes, rates, shares, counts', () => {
  it('sizes in the largest binary unit', () => {
    expect(formatSizeMiB(1024)).toBe('1 GiB');
    expect(formatSizeMiB(1536)).toBe('1.5 GiB');
    expect(formatSizeMiB(16_777_216)).toBe('16 TiB');
    expect(formatSizeMiB(0.5)).toBe('512 KiB');
    expect(formatSizeBytes(4096)).toBe('4 KiB');
    expect(formatSizeBytes(8)).toBe('8 B');
  });
  it('bit rates in kbit/s, Mbit/s, Gbit/s or Tbit/s', () => {
    expect(formatBitRate(0.5)).toBe('500 kbit/s');
    expect(formatBitRate(935)).toBe('935 Mbit/s');
    expect(formatBitRate(1073.741824)).toBe('1.07 Gbit/s');
    expect(formatBitRate(7120)).toBe('7.12 Gbit/s');
    expect(formatBitRate(10_000)).toBe('10 Gbit/s');
    expect(formatBitRate(1_000_000)).toBe('1 Tbit/s');
    expect(formatMiBps(128)).toBe('128 MiB/s');
  });
  it('shares and percentages: two decimals below 1 %, never an exponent', () => {
    expect(formatShare(0)).toBe('0 %');
    expect(formatShare(0.0000995)).toBe('0.01 %'); // the SLA lens case
    expect(formatShare(0.000001)).toBe('< 0.01 %');
    expect(formatShare(0.0355)).toBe('3.55 %');
    expect(formatShare(0.4)).toBe('40 %');
    expect(formatPercent(99.99)).toBe('99.99 %');
    expect(formatPercent(99.999)).toBe('99.99 %');
    expect(formatPercent(100)).toBe('100 %');
  });
  it('counts, multiples and plain numbers', () => {
    expect(formatCount(262_144)).toBe('262,144');
    expect(formatCount(22_966.6)).toBe('22,967');
    expect(formatTimes(3.0123)).toBe('3.01×');
    expect(formatNumber(0.000123)).toBe('0.000123');
  });
});

describe('no exponent at any magnitude', () => {
  const formatters: [string, (x: number) => string][] = [
    ['duration', formatDuration],
    ['size', formatSizeMiB],
    ['bytes', formatSizeBytes],
    ['bit rate', formatBitRate],
    ['MiB/s', formatMiBps],
    ['share', formatShare],
    ['percent', formatPercent],
    ['count', formatCount],
    ['times', formatTimes],
    ['number', formatNumber],
  ];
  for (const [name, f] of formatters) {
    it(name, () => {
      for (let e = -9; e <= 21; e++) {
        for (const m of [1, 2.5, 9.95]) {
          const x = m * 10 ** e;
          expect(f(x), `${name}(${x})`).not.toMatch(EXPONENT);
          expect(f(-x), `${name}(${-x})`).not.toMatch(EXPONENT);
        }
      }
    });
  }
});
