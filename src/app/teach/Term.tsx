// A glossary term wherever it appears: a button (so it takes keyboard focus and a tap) described by a
// short tooltip that shows on hover, on focus and on a tap, and hides on Escape, on a second tap or
// click, or when focus and pointer both leave. A tap focuses the button and clicks it in one gesture
// (and iOS Safari does not focus it at all), so the click after a focus keeps it open.
//
// `detached`: the tooltip is rendered at the end of the page (a portal) and placed under the button,
// so the text around the button stays exactly its own words. Used where that text is read as a label:
// the curves chart's legend (the exports and the tests read its text) and the iteration chart's stop
// note. Without a document (server rendering, the glossary test) only the button is rendered; its
// data-term still names the entry.
import { useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { glossaryText, type GlossaryTerm } from './glossary.ts';

export function Term({ term, children, detached = false }: { term: GlossaryTerm; children: string; detached?: boolean }) {
  const id = useId();
  const [hover, setHover] = useState(false);
  const [focus, setFocus] = useState(false);
  const [pinned, setPinned] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const justFocused = useRef(false);
  const button = useRef<HTMLButtonElement>(null);
  const tipRef = useRef<HTMLSpanElement>(null);
  const open = (hover || focus || pinned) && !dismissed;
  const place = useDetachedPlace(detached && open, button, tipRef);
  const tip = (
    <span ref={tipRef} role="tooltip" id={id} className={detached ? 'term__tip term__tip--detached' : 'term__tip'} hidden={!open} style={place}>
      <strong>{term}:</strong> {glossaryText(term)}
    </span>
  );
  return (
    <span className="term" onMouseEnter={() => (setHover(true), setDismissed(false))} onMouseLeave={() => setHover(false)}>
      <button
        ref={button}
        type="button"
        className="term__button"
        data-term={term}
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
      {detached ? <Detached>{tip}</Detached> : tip}
    </span>
  );
}

/** Its children at the end of <body>, once there is a document (never during server rendering). */
function Detached({ children }: { children: ReactNode }) {
  const [host, setHost] = useState<HTMLElement | null>(null);
  useEffect(() => setHost(document.body), []);
  return host ? createPortal(children, host) : null;
}

/** Where a detached tooltip goes while open: under its button (above it near the window's bottom), kept inside the window. */
function useDetachedPlace(open: boolean, button: RefObject<HTMLButtonElement | null>, tip: RefObject<HTMLSpanElement | null>): CSSProperties | undefined {
  const [place, setPlace] = useState<CSSProperties | undefined>(undefined);
  useLayoutEffect(() => {
    if (!open) return;
    const update = () => {
      const b = button.current?.getBoundingClientRect();
      if (!b) return;
      const width = tip.current?.offsetWidth ?? 0;
      const left = Math.max(4, Math.min(b.left, window.innerWidth - width - 4));
      setPlace(b.bottom + 5 > window.innerHeight * 0.7 ? { left, bottom: window.innerHeight - b.top + 5 } : { left, top: b.bottom + 5 });
    };
    update();
    // It follows the button while the page or a panel scrolls, and when the window resizes.
    window.addEventListener('scroll', update, true);
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update, true);
      window.removeEventListener('resize', update);
    };
  }, [open, button, tip]);
  return open ? place : undefined;
}
