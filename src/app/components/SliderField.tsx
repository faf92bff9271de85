// A labelled control: a native range input (so the keyboard works) with a number field beside it.
// The range input's positions map to values through a SliderScale (log where the range spans
// decades); aria-valuetext tells assistive technology the value, not the position. The label (when it
// names a glossary entry) and a written hint's domain words are terms, detached so that the label and
// the hint, which name and describe the slider, stay exactly their words.
import type { ReactNode } from 'react';
import type { GlossaryTerm } from '../teach/glossary.ts';
import { TermRuns, termParts, WithTerms, type TermPart } from '../teach/WithTerms.tsx';
import { NumberInput } from './NumberInput.tsx';
import type { SliderScale } from './sliderScale.ts';

export interface SliderFieldProps {
  id: string;
  label: string;
  /** The glossary entry the label names: its words for it (or the whole label) become that term. */
  term?: GlossaryTerm;
  unit: string;
  value: number;
  scale: SliderScale;
  min: number;
  max: number;
  clamp(n: number): number;
  onChange(value: number): void;
  /** The value in words with its unit, for screen readers: "20,000 pages/s". */
  valueText(value: number): string;
  /** Under the slider; written as a string, its domain words are marked as terms. */
  hint?: ReactNode;
  disabled?: boolean;
  /** Extra controls under the slider (e.g. link presets). */
  children?: ReactNode;
}

/** The label with its words for `term` marked ("Fewer *dirty pages* than"), or all of it when it only names the term ("Give up after": timeout). */
function labelParts(label: string, term: GlossaryTerm): TermPart[] {
  const parts = termParts(label).map((p) => (typeof p === 'string' || p.term === term ? p : p.text));
  return parts.some((p) => typeof p !== 'string') ? parts : [{ term, text: label }];
}

export function SliderField({ id, label, term, unit, value, scale, min, max, clamp, onChange, valueText, hint, disabled, children }: SliderFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field" data-disabled={disabled || undefined}>
      <div className="field__head">
        <label htmlFor={id}>
          {term ? <TermRuns parts={labelParts(label, term)} detached /> : label}
        </label>
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
          {typeof hint === 'string' ? <WithTerms text={hint} known={term ? [term] : []} detached /> : hint}
        </p>
      ) : null}
      {children}
    </div>
  );
}
