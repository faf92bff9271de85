// A glossary term wherever it appears: a button (so it takes keyboard focus and a tap) described by a
// short tooltip that shows on hover, on focus and on a tap, and hides on Escape, on a second tap or
// click, or when focus and pointer both leave. A tap focuses the button and clicks it in one gesture
// (and iOS Safari does not focus it at all), so the click after a focus keeps it open.
import { useId, useRef, useState } from 'react';
import { GLOSSARY, type GlossaryTerm } from './glossary.ts';

export function Term({ term, children }: { term: GlossaryTerm; children: string }) {
  const id = useId();
  const [hover, setHover] = useState(false);
  const [focus, setFocus] = useState(false);
  const [pinned, setPinned] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const justFocused = useRef(false);
  const open = (hover || focus || pinned) && !dismissed;
  return (
    <span className="term" onMouseEnter={() => (setHover(true), setDismissed(false))} onMouseLeave={() => setHover(false)}>
      <button
        type="button"
        className="term__button"
        aria-describedby={id}
        aria-expanded={open}
        onFocus={() => {
          setFocus(true);
          setDismissed(false);
          justFocused.current = true;
          setTimeout(() => (justFocused.current = false), 400);
        }}
        onBlur={() => (setFocus(false), setPinned(false))}
        onClick={() => {
          if (justFocused.current || !open) {
            justFocused.current = false;
            setPinned(true);
            setDismissed(false);
          } else {
            setPinned(false);
            setDismissed(true);
          }
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.stopPropagation();
            setPinned(false);
            setDismissed(true);
          }
        }}
      >
        {children}
      </button>
      <span role="tooltip" id={id} className="term__tip" hidden={!open}>
        <strong>{term}:</strong> {GLOSSARY[term]}
      </span>
    </span>
  );
}
