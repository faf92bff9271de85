// A labelled control: a native range input (so the keyboard works) with a number field beside it.
// The range input's positions map to values through a SliderScale (log where the range spans
// decades); aria-valuetext tells assistive technology the value, not the position.
import type { ReactNode } from 'react';
import { NumberInput } from './NumberInput.tsx';
import type { SliderScale } from './sliderScale.ts';

export interface SliderFieldProps {
  id: string;
  label: string;
  unit: string;
  value: number;
  scale: SliderScale;
  min: number;
  max: number;
  clamp(n: number): number;
  onChange(value: number): void;
  /** The value in words with its unit, for screen readers: "20,000 pages/s". */
  valueText(value: number): string;
  hint?: ReactNode;
  disabled?: boolean;
  /** Extra controls under the slider (e.g. link presets). */
  children?: ReactNode;
}

export function SliderField({ id, label, unit, value, scale, min, max, clamp, onChange, valueText, hint, disabled, children }: SliderFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field" data-disabled={disabled || undefined}>
      <div className="field__head">
        <label htmlFor={id}>{label}</label>
        <span className="field__number">
          <NumberInput value={value} min={min} max={max} clamp={clamp} onChange={onChange} label={`${label} (${unit})`} disabled={disabled} />
          <span className="field__unit" aria-hidden="true">
            {unit}
          </span>
        </span>
      </div>
      <input
        id={id}
        className="slider"
        type="range"
        min={0}
        max={scale.steps}
        step={1}
        value={scale.toPosition(value)}
        aria-valuetext={valueText(value)}
        aria-describedby={hintId}
        disabled={disabled}
        onChange={(e) => {
          const v = scale.toValue(Number(e.currentTarget.value));
          if (v !== value) onChange(clamp(v));
        }}
      />
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children}
    </div>
  );
}
