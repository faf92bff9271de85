// A number field that lets the user type freely: a value is taken as soon as it is valid and in
// range; on Enter or blur anything out of range is clamped and anything unreadable reverts.
import { useState, type KeyboardEvent } from 'react';

export interface NumberInputProps {
  value: number;
  min: number;
  max: number;
  /** Brings a finite number into range and form (the same rule the URL reader uses). */
  clamp(n: number): number;
  onChange(n: number): void;
  label: string;
  disabled?: boolean;
  id?: string;
  describedBy?: string;
  className?: string;
}

export function NumberInput({ value, min, max, clamp, onChange, label, disabled, id, describedBy, className = 'number' }: NumberInputProps) {
  const [draft, setDraft] = useState<string | null>(null);

  const commit = () => {
    if (draft === null) return;
    const n = draft.trim() === '' ? NaN : Number(draft);
    if (Number.isFinite(n)) {
      const v = clamp(n);
      if (v !== value) onChange(v);
    }
    setDraft(null);
  };

  return (
    <input
      id={id}
      className={className}
      type="number"
      inputMode="decimal"
      step="any"
      min={min}
      max={max}
      aria-label={label}
      aria-describedby={describedBy}
      disabled={disabled}
      value={draft ?? String(value)}
      onChange={(e) => {
        const text = e.currentTarget.value;
        setDraft(text);
        const n = text.trim() === '' ? NaN : Number(text);
        if (Number.isFinite(n) && n >= min && n <= max && clamp(n) === n && n !== value) onChange(n);
      }}
      onBlur={commit}
      onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}
