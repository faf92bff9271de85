// The slider scales of the controls, and the clamp each number field shares with the URL reader.
import type { Scenario } from '../../model/index.ts';
import { clampToField, numberField, uiRange } from '../state/ranges.ts';
import { kneeLogSlider, linearSlider, logSlider, octaveSlider, type SliderScale } from '../components/sliderScale.ts';

export const SCALES = {
  linkMbps: logSlider(10, 100_000, 400),
  vmMiB: octaveSlider(64, 16_777_216, 4), // 64 MiB .. 16 TiB; every power of two (1, 2 … 64 GiB) is a stop
  hotFraction: logSlider(0.001, 1, 300, { digits: 2 }),
  hotShare: linearSlider(0, 1, 0.01),
  preS: logSlider(0.01, 60, 300, { zeroStop: true }),
  postS: logSlider(0.001, 60, 300, { zeroStop: true }),
  maxIterations: linearSlider(1, 100, 1),
  minDirtyPages: logSlider(1, 100_000, 250, { zeroStop: true, digits: 2, integer: true }),
  maxFactor: linearSlider(0, 20, 0.1),
  downtimeLimitMs: logSlider(1, 60_000, 300),
  maxBandwidthMiBps: logSlider(1, 100_000, 300),
  timeoutS: logSlider(1, 3600, 300),
  vcpuLimit: logSlider(0.01, 1, 200, { digits: 2 }),
  zeroFraction: linearSlider(0, 1, 0.01),
  compressionRatio: logSlider(1, 100, 200, { digits: 2 }),
  compressMbps: logSlider(10, 100_000, 400),
} satisfies Partial<Record<keyof Scenario, SliderScale>>;

/** The dirty rate's scale, with travel around the knee at `knee` pages/s (what the link sends). */
export function rateScale(knee: number): SliderScale {
  return kneeLogSlider(10, 1e6, knee, { zeroStop: true });
}

/** Working-set scale: 1 page to the whole VM. */
export function wssScale(pages: number): SliderScale {
  return logSlider(1, Math.max(2, pages), 300, { integer: true });
}

/** Range and clamp of a number field, from the one table (FIELDS within the UI ranges). */
export function limits(key: keyof Scenario) {
  const field = numberField(key);
  const { min, max } = uiRange(field);
  return { min, max, clamp: (n: number) => clampToField(field, n) };
}

export const PAGE_SIZES = [4096, 8192, 16_384, 32_768, 65_536, 131_072, 262_144, 524_288, 1_048_576, 2_097_152] as const;
