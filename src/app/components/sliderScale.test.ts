import { SCALES } from './controlSpecs.ts';
import { describe, expect, it } from 'vitest';
import { linearSlider, logSlider, octaveSlider } from './sliderScale.ts';

describe('slider scales', () => {
  it('dirty rate: a 0 stop, then 10..1e6 on a log scale', () => {
    const s = logSlider(10, 1e6, 501, { zeroStop: true });
    expect(s.toValue(0)).toBe(0);
    expect(s.toValue(1)).toBe(10);
    expect(s.toValue(501)).toBe(1e6);
    expect(s.toPosition(0)).toBe(0);
    expect(s.toPosition(5)).toBe(1);
    for (let p = 0; p <= 501; p++) expect(s.toPosition(s.toValue(p))).toBe(p);
  });

  it('every keyboard step moves the value', () => {
    const s = logSlider(10, 1e6, 501, { zeroStop: true });
    for (let p = 0; p < 501; p++) expect(s.toValue(p + 1)).toBeGreaterThan(s.toValue(p));
  });

  it('VM sizes land on round MiB', () => {
    const s = octaveSlider(64, 1_048_576);
    expect(s.steps).toBe(56);
    expect([0, 1, 2, 3, 4, 5].map(s.toValue)).toEqual([64, 80, 96, 112, 128, 160]);
    expect(s.toValue(s.steps)).toBe(1_048_576);
    expect(s.toPosition(1024)).toBe(16);
    for (let p = 0; p <= s.steps; p++) expect(s.toPosition(s.toValue(p))).toBe(p);
  });

  it('the VM control reaches 16 TiB and stops on every power of two from 1 to 64 GiB', () => {
    const s = SCALES.vmMiB;
    expect(s.toValue(s.steps)).toBe(16_777_216);
    for (let gib = 1; gib <= 64; gib *= 2) expect(s.toValue(s.toPosition(gib * 1024))).toBe(gib * 1024);
    // The octaves from 1 to 64 GiB take a third of the track, as they did when it stopped at 1 TiB.
    expect((s.toPosition(65_536) - s.toPosition(1024)) / s.steps).toBeGreaterThan(0.3);
  });

  it('linear steps are clean decimals', () => {
    const s = linearSlider(0, 1, 0.01);
    expect(s.toValue(30)).toBe(0.3);
    expect(s.toPosition(0.9)).toBe(90);
  });
});
