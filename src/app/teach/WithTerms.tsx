// Plain text with its domain words explained in place: the first occurrence of each glossary term (or
// of one of its word forms) becomes a <Term>, so a lesson or a policy's description can be read without
// meeting an unexplained word. Used where the text is written as one string (lessons, the policies'
// descriptions, chart legends). Several strings read together (a legend's entries) can share `seen`,
// so that a term is marked where it first appears among them.
import { Fragment } from 'react';
import type { GlossaryTerm } from './glossary.ts';
import { Term } from './Term.tsx';
import { termParts, type TermPart } from './termParts.ts';

export { markedParts, termParts, type TermPart } from './termParts.ts';

/** `known`: terms already marked beside the text (a label's), not marked again; `detached`: see Term.tsx. */
export function WithTerms({ text, known = [], detached = false }: { text: string; known?: readonly GlossaryTerm[]; detached?: boolean }) {
  return <TermRuns parts={termParts(text, new Set(known))} detached={detached} />;
}

/** Parts cut by termParts, rendered: plain runs as text, terms as <Term> (`detached`: see Term.tsx). */
export function TermRuns({ parts, detached = false }: { parts: readonly TermPart[]; detached?: boolean }) {
  return (
    <>
      {parts.map((p, i) =>
        typeof p === 'string' ? (
          <Fragment key={i}>{p}</Fragment>
        ) : (
          <Term key={i} term={p.term} detached={detached}>
            {p.text}
          </Term>
        ),
      )}
    </>
  );
}
