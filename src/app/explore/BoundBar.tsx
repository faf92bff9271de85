// Where a result sits between its lower and upper bound (Akoush Eq. 3 and 4): a small track with a
// marker, the bounds at its ends, and the same in words for screen readers. As a `reference` (Xen's
// bounds shown for another policy) the track is dashed and captioned so.
import type { Range } from '../../model/index.ts';
import { positionInRange } from '../../model/index.ts';

export interface BoundBarProps {
  range: Range;
  value: number;
  format(n: number): string;
  /** "lower bound" / "upper bound" unless the range is something else (e.g. "at most"). */
  lowerText?: string;
  upperText?: string;
  /** The bounds belong to another policy (Xen's, shown for comparison). */
  reference?: boolean;
}

export function BoundBar({ range, value, format, lowerText = 'lower bound', upperText = 'upper bound', reference = false }: BoundBarProps) {
  const position = positionInRange(value, range);
  const shown = Math.min(1, Math.max(0, position));
  const percent = Math.round(position * 100);
  return (
    <div className={reference ? 'range-bar range-bar--reference' : 'range-bar'}>
      {reference ? (
        <div className="range-bar__caption" aria-hidden="true">
          Xen's Eq. 3/4, for reference
        </div>
      ) : null}
      <div className="range-bar__track" aria-hidden="true">
        <div className="range-bar__fill" style={{ width: `${shown * 100}%` }} />
        <div className="range-bar__marker" style={{ left: `${shown * 100}%` }} />
      </div>
      <div className="range-bar__labels" aria-hidden="true">
        <span>{format(range.lower)}</span>
        <span>{format(range.upper)}</span>
      </div>
      <span className="visually-hidden">
        {percent}% of the way from the {lowerText} {format(range.lower)} to the {upperText} {format(range.upper)}.
      </span>
    </div>
  );
}
