// Plain text with its domain words explained in place: the first occurrence of each glossary term (or
// of one of its word forms) becomes a <Term>, so a lesson or a policy's description can be read without
// meeting an unexplained word. Used where the text is written as one string (lessons, the policies'
// descriptions, chart legends). Several strings read together (a legend's entries) can share `seen`,
// so that a term is marked where it first appears among them.
import { Fragment } from 'react';
import { GLOSSARY, glossaryEntry, TERM_FORMS, type GlossaryTerm } from './glossary.ts';
import { Term } from './Term.tsx';

export type TermPart = string | { term: GlossaryTerm; text: string };

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest first, so "dirty bitmap" wins over "dirty" and "live iterations" over "iterations".
const WORDS = [...Object.keys(GLOSSARY), ...Object.keys(TERM_FORMS)].sort((a, b) => b.length - a.length);
const PATTERN = new RegExp(`(?<![\\w-])(?:${WORDS.map(escape).join('|')})(?![\\w-])`, 'gi');

/** The text cut into plain runs and terms; each term not yet in `seen` is marked once, at its first occurrence (and added to it). */
export function termParts(text: string, seen = new Set<GlossaryTerm>()): TermPart[] {
  const parts: TermPart[] = [];
  let at = 0;
  for (const match of text.matchAll(PATTERN)) {
    const term = glossaryEntry(match[0]);
    if (!term || seen.has(term)) continue;
    seen.add(term);
    if (match.index > at) parts.push(text.slice(at, match.index));
    parts.push({ term, text: match[0] });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

export function WithTerms({ text }: { text: string }) {
  return <TermRuns parts={termParts(text)} />;
}

/** Parts cut by termParts, rendered: plain runs as text, terms as <Term>. */
export function TermRuns({ parts }: { parts: readonly TermPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        typeof p === 'string' ? (
          <Fragment key={i}>{p}</Fragment>
        ) : (
          <Term key={i} term={p.term}>
            {p.text}
          </Term>
        ),
      )}
    </>
  );
}
