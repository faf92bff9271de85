// A legend entry's words with their glossary terms (teach/Term.tsx) attached: a term inside the SVG
// could take neither focus nor a tap, so the HTML legend beside the plot explains the words the plot
// shows. The entry's name is always visible; its detail is hidden in the projector layout (LegendMore),
// so names and details keep separate first occurrences: every term of a name stays reachable in Large
// type. Plain functions, called in the legend's order while it renders, so "first" is the reading order.
// `detached` terms keep their tooltips out of the legend (Term.tsx): the curves legend, whose text the
// exports and the tests read as the entries' labels.
import type { ReactNode } from 'react';
import type { GlossaryTerm } from '../teach/glossary.ts';
import { Term } from '../teach/Term.tsx';
import { TermRuns, termParts } from '../teach/WithTerms.tsx';
import { LegendMore } from './ChartFrame.tsx';

/** The terms marked so far in one legend; made afresh on each render of the legend. */
export interface LegendTermScope {
  names: Set<GlossaryTerm>;
  details: Set<GlossaryTerm>;
}

export function legendTermScope(): LegendTermScope {
  return { names: new Set(), details: new Set() };
}

/** "Stop-and-copy" and, in LegendMore, " (VM paused): pages sent"; each term marked where it first appears. */
export function legendText(scope: LegendTermScope, name: string, detail?: string, detached = false): ReactNode {
  const nameParts = termParts(name, scope.names);
  // A detail marks only what no name so far (this one included) and no detail before it has marked.
  const skip = new Set([...scope.details, ...scope.names]);
  const detailParts = detail ? termParts(detail, skip) : [];
  for (const p of detailParts) if (typeof p !== 'string') scope.details.add(p.term);
  return (
    <>
      <TermRuns parts={nameParts} detached={detached} />
      {detail ? (
        <LegendMore>
          <TermRuns parts={detailParts} detached={detached} />
        </LegendMore>
      ) : null}
    </>
  );
}

/** A label such as "1 Gbps (935 Mbit/s)": the part from " (" on is the entry's detail. */
export function legendDetailText(scope: LegendTermScope, text: string, detached = false): ReactNode {
  const at = text.indexOf(' (');
  return at < 0 ? legendText(scope, text, undefined, detached) : legendText(scope, text.slice(0, at), text.slice(at), detached);
}

/**
 * A label whose name stands for `term` as a whole (a compared policy's curve: "Xen 3.x" of
 * "Xen 3.x (Akoush) (935 Mbit/s)" is the policy's entry); the detail from " (" on stays as written.
 */
export function legendNamedText(scope: LegendTermScope, term: GlossaryTerm, text: string, detached = false): ReactNode {
  const at = text.indexOf(' (');
  const name = at < 0 ? text : text.slice(0, at);
  if (scope.names.has(term)) return legendDetailText(scope, text, detached);
  scope.names.add(term);
  return (
    <>
      <Term term={term} detached={detached}>
        {name}
      </Term>
      {at < 0 ? null : <LegendMore>{text.slice(at)}</LegendMore>}
    </>
  );
}
