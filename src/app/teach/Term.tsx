// A glossary term inside the narration: a button (so it takes keyboard focus) described by a short
// tooltip that shows on hover and on focus, and hides on Escape or when both leave.
import { useId, useState } from 'react';
import { GLOSSARY, type GlossaryTerm } from './glossary.ts';

export function Term({ term, children }: { term: GlossaryTerm; children: string }) {
  const id = useId();
  const [hover, setHover] = useState(false);
  const [focus, setFocus] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const open = (hover || focus) && !dismissed;
  return (
    <span className="term" onMouseEnter={() => (setHover(true), setDismissed(false))} onMouseLeave={() => setHover(false)}>
      <button
        type="button"
        className="term__button"
        aria-describedby={id}
        onFocus={() => (setFocus(true), setDismissed(false))}
        onBlur={() => setFocus(false)}
        onClick={() => setDismissed(open)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.stopPropagation();
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
