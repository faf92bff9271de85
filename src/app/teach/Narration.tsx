// The narration panel: what the current step does and why, with the step's numbers and glossary
// tooltips. It follows the frame on the map (so words and picture always agree). narrate() marks every
// domain word of the step, each once. The terms are detached (Term.tsx), so the panel's text stays the
// narration's words (the tests and a screen reader read it).
import { useMemo } from 'react';
import { narrate, type StepContext } from './narrate.ts';
import { TermRuns } from './WithTerms.tsx';
import { useTeach } from './teachStore.ts';

export function Narration() {
  const shown = useTeach((s) => s.shown);
  const summary = useTeach((s) => s.summary);
  const granularity = useTeach((s) => s.granularity);
  const narration = useMemo(() => {
    if (!shown || !summary) return null;
    const c = shown.context;
    const ctx: StepContext = { policy: summary.policy, pages: summary.pages, pagesPerSecond: summary.pagesPerSecond, granularity, counts: shown.counts, iteration: c.iteration, totalSent: c.totalSent, dirtied: c.dirtied, cleaned: c.cleaned, run: summary.run };
    return narrate(shown.event, ctx);
  }, [shown, summary, granularity]);
  return (
    <div className="teach__narration" data-testid="narration" data-event={shown?.eventIndex ?? ''}>
      {narration ? (
        <>
          <h3 className="teach__narration-title">{narration.title}</h3>
          <p className="teach__narration-text">
            <TermRuns parts={narration.parts} detached />
          </p>
        </>
      ) : (
        <p className="teach__narration-text">Loading the run…</p>
      )}
    </div>
  );
}
