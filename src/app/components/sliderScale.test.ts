import { SCALES } from '../explore/controlSpecs.ts';
import { describe, expect, it } from 'vitest';
import { kneeLogSlider, linearSlider, logSlider, octaveSlider } from './sliderScale.ts';

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

describe('kneeLogSlider', () => {
  const knee = 28_534; // 935 Mbit/s of 4 KiB pages
  const s = kneeLogSlider(10, 1e6, knee, { zeroStop: true });

  it('gives the region around the knee at least a third of the track', () => {
    const travel = (s.toPosition(knee * 1.25) - s.toPosition(knee / 4)) / s.steps;
    expect(travel).toBeGreaterThanOrEqual(1 / 3);
    // A plain log slider over the same range gives it a seventh.
    const plain = logSlider(10, 1e6, 400, { zeroStop: true });
    expect((plain.toPosition(knee * 1.25) - plain.toPosition(knee / 4)) / plain.steps).toBeLessThan(1 / 6);
  });

  it('every step changes the value (the keyboard never sticks) and positions round-trip', () => {
    for (let p = 0; p < s.steps; p++) {
      expect(s.toValue(p + 1)).toBeGreaterThan(s.toValue(p));
      expect(s.toPosition(s.toValue(p))).toBe(p);
    }
    expect(s.toValue(0)).toBe(0);
    expect(s.toValue(1)).toBe(10);
    expect(s.toValue(s.steps)).toBe(1e6);
  });

  it('falls back to a plain log slider when the knee is near an end', () => {
    expect(kneeLogSlider(10, 1e6, 2e6).toPosition(1000)).toBe(logSlider(10, 1e6, 400).toPosition(1000));
  });
});
