// Text cut into plain runs and glossary terms (pure: the narration, the legends and the lessons use it,
// and WithTerms.tsx renders it). Each term is marked once, where it first appears.
import { GLOSSARY, glossaryEntry, TERM_FORMS, type GlossaryTerm } from './glossary.ts';

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

/**
 * Parts some of whose terms are marked already (the narration's): the words of the plain runs are
 * marked too, each term once; a term marked anywhere in the parts is not marked again.
 */
export function markedParts(parts: readonly TermPart[]): TermPart[] {
  const seen = new Set(parts.flatMap((p) => (typeof p === 'string' ? [] : [p.term])));
  return parts.flatMap((p) => (typeof p === 'string' ? termParts(p, seen) : [p]));
}

