// Maps a native range input's integer positions to values. Log scales (d3.scaleLog) for ranges that
// span decades, with an optional 0 stop at the left end; positions snap to round values so a typed
// link like "rate=20000" and a dragged one look alike.
import { scaleLinear, scaleLog } from 'd3';

export interface SliderScale {
  /** Positions run 0..steps. */
  steps: number;
  toValue(position: number): number;
  toPosition(value: number): number;
}

/** Rounds to `digits` significant digits (clean decimals, no 0.30000000000000004). */
export function roundSignificant(value: number, digits: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(digits));
}

export function logSlider(min: number, max: number, steps: number, options: { zeroStop?: boolean; digits?: number; integer?: boolean } = {}): SliderScale {
  const { zeroStop = false, digits = 3, integer = false } = options;
  const first = zeroStop ? 1 : 0;
  const scale = scaleLog().domain([min, max]).range([first, steps]).clamp(true);
  const snap = (v: number) => {
    const r = roundSignificant(v, digits);
    return integer ? Math.max(min, Math.round(r)) : r;
  };
  return {
    steps,
    // The ends are exact (a working set of "the whole VM" must reach the VM's page count).
    toValue: (p) => (zeroStop && p < 1 ? 0 : p <= first ? min : p >= steps ? max : snap(scale.invert(p))),
    toPosition: (v) => (zeroStop && v <= 0 ? 0 : zeroStop && v < min ? 1 : Math.round(scale(Math.max(v, min)))),
  };
}

export function linearSlider(min: number, max: number, step: number): SliderScale {
  const steps = Math.round((max - min) / step);
  const scale = scaleLinear().domain([min, max]).range([0, steps]).clamp(true);
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return {
    steps,
    toValue: (p) => Number(scale.invert(p).toFixed(decimals)),
    toPosition: (v) => Math.round(scale(v)),
  };
}

/** Sizes in octaves of `perOctave` steps that land on round values: 64, 80, 96, 112, 128, 160 … */
export function octaveSlider(min: number, max: number, perOctave = 4): SliderScale {
  const octaves = Math.round(Math.log2(max / min));
  const steps = octaves * perOctave;
  return {
    steps,
    toValue: (p) => {
      const octave = Math.floor(p / perOctave);
      const part = p - octave * perOctave;
      return Math.min(max, min * 2 ** octave * (1 + part / perOctave));
    },
    toPosition: (v) => {
      const clamped = Math.min(max, Math.max(min, v));
      const octave = Math.min(octaves, Math.floor(Math.log2(clamped / min)));
      const part = (clamped / (min * 2 ** octave) - 1) * perOctave;
      return Math.min(steps, Math.round(octave * perOctave + part));
    },
  };
}

/**
 * A log slider that gives the decade-wide region around `knee` (from knee/4 to 1.25 x knee) three
 * eighths of the track, so it can be dragged through (the dirty rate's knee sits at the link's rate).
 * Every step still moves the value by more than the 3-digit rounding (at least 1 %), so the keyboard
 * never sticks. Without room for the region inside [min, max] it is a plain log slider.
 */
export function kneeLogSlider(min: number, max: number, knee: number, options: { zeroStop?: boolean } = {}): SliderScale {
  const steps = 400;
  const lo = knee / 4;
  const hi = knee * 1.25;
  if (!(lo > min * 10 && hi < max / 2)) return logSlider(min, max, steps, options);
  const zeroStop = options.zeroStop ?? false;
  const first = zeroStop ? 1 : 0;
  const scale = scaleLog().domain([min, lo, hi, max]).range([first, 140, 290, steps]).clamp(true);
  const snap = (v: number) => roundSignificant(v, 3);
  return {
    steps,
    toValue: (p) => (zeroStop && p < 1 ? 0 : p <= first ? min : p >= steps ? max : snap(scale.invert(p))),
    toPosition: (v) => (zeroStop && v <= 0 ? 0 : zeroStop && v < min ? 1 : Math.round(scale(Math.max(v, min)))),
  };
}
