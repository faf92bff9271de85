// The first screen's cue to drag the dirty rate, under its slider until the rate first changes.
import { useEffect, useRef, useState } from 'react';
import { useApp } from '../state/store.ts';

export function DragCue() {
  const rate = useApp((s) => s.scenario.dirtyRate);
  const first = useRef(rate);
  const [moved, setMoved] = useState(false);
  useEffect(() => {
    if (rate !== first.current) setMoved(true);
  }, [rate]);
  if (moved) return null;
  return (
    <p className="drag-cue" data-testid="drag-cue">
      <span className="drag-cue__arrows" aria-hidden="true">
        ⟵ ⟶
      </span>{' '}
      Drag the rate and watch the iterations and the downtime.
    </p>
  );
}
