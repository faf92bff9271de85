// The run in numbers: migration time, downtime, iterations, data sent and why pre-copy stopped, each
// placed between its bounds (Xen's Eq. 3 and 4: a reference for the other pre-copy policies, hidden
// for post-copy), then what the policy reports of its own. The values carry stable data-testids.
import { STOP_REASON_TEXT, XEN_V2_MAX_ROUNDS, bounds, pagesOf, sendPagesPerSecond, type Range, type RunResult, type Scenario, type StopReason } from '../../model/index.ts';
import { useState } from 'react';
import type { RunHeadline } from '../../workers/api.ts';
import { formatPages } from '../charts/format.ts';
import { formatGiB, formatTimes } from '../format.ts';
import { POLICY_NAME, boundsApply } from '../policyNames.ts';
import { useApp } from '../state/store.ts';
import { ResultExport } from '../export/ResultExport.tsx';
import { BoundBar } from './BoundBar.tsx';
import { EffectiveRate } from '../components/EffectiveRate.tsx';
import { Term } from '../teach/Term.tsx';
import type { GlossaryTerm } from '../teach/glossary.ts';
import { TermRuns, termParts, WithTerms } from '../teach/WithTerms.tsx';
import { countsBreakdown, runCounts } from '../../model/words/counts.ts';
import { policyFacts, shortDuration } from './policyFacts.ts';

export function stopReasonText(reason: StopReason, s: Scenario, r: RunResult): string {
  switch (reason) {
    case 'few-dirty-pages':
      return `Few pages left: an iteration sent and skipped fewer than ${formatPages(s.minDirtyPages)}`;
    case 'max-iterations':
      // The run's own count: Xen migration v2's limit is fixed (XEN_V2_MAX_ROUNDS), not max-iterations.
      return `Iteration limit: stop-and-copy after iteration ${runCounts(r).live}`;
    case 'max-data-factor':
      return `Data limit: more than ${formatTimes(s.maxFactor)} the VM sent`;
    default: {
      const text = STOP_REASON_TEXT[reason] ?? reason;
      return text.charAt(0).toUpperCase() + text.slice(1);
    }
  }
}

/** The most iterations a policy can make, where it has a cap worth showing. */
function iterationRange(s: Scenario): Range | null {
  if (s.policy === 'xen') return { lower: 1, upper: s.maxIterations + 1 };
  if (s.policy === 'xen-v2') return { lower: 1, upper: XEN_V2_MAX_ROUNDS };
  return null;
}

function Bound({ applies, ...props }: { applies: 'yes' | 'reference'; range: Range; value: number; format(n: number): string }) {
  if (applies === 'yes') return <BoundBar {...props} />;
  return <BoundBar {...props} reference lowerText="Xen lower bound" upperText="Xen upper bound" />;
}

function Cards({ scenario, result }: { scenario: Scenario; result: RunResult }) {
  const b = bounds(scenario);
  const pages = pagesOf(scenario.vmMiB, scenario.pageBytes);
  const link = sendPagesPerSecond(scenario);
  const iterations = iterationRange(scenario);
  const overheads = scenario.preS + scenario.postS;
  const applies = boundsApply(scenario.policy);
  // Pages the time bounds stand for: every page once, up to (5N - 1) pages.
  const pageRange = { lower: (b.migrationTimeS.lower - overheads) * link, upper: (b.migrationTimeS.upper - overheads) * link };
  const bytes = result.pagesSent * scenario.pageBytes;
  const pagesText = (p: number) => `${formatTimes(p / pages)} VM`;
  const bound = (range: Range, value: number, format: (n: number) => string) =>
    applies === 'no' ? null : <Bound applies={applies} range={range} value={value} format={format} />;
  return (
    <>
      <div className="card">
        <dt>Total migration time</dt>
        <dd className="card__value" data-testid="migration-time">
          {shortDuration(result.migrationTimeS)}
        </dd>
        <dd>{bound(b.migrationTimeS, result.migrationTimeS, shortDuration)}</dd>
      </div>
      <div className="card">
        <dt>
          <Term term="downtime">Downtime</Term>
        </dt>
        <dd className="card__value" data-testid="downtime">
          {shortDuration(result.downtimeS)}
        </dd>
        <dd>{bound(b.downtimeS, result.downtimeS, shortDuration)}</dd>
      </div>
      <div className="card">
        <dt>
          <Term term="iteration">Iterations</Term>
        </dt>
        <dd className="card__value" data-testid="iterations">
          {result.iterations}
        </dd>
        <dd className="card__aside" data-testid="iterations-breakdown">
          <WithTerms text={countsBreakdown(runCounts(result))} known={['iteration']} detached />
        </dd>
        <dd>{iterations ? <BoundBar range={iterations} value={result.iterations} format={String} lowerText="least" upperText="most" /> : <span className="card__aside">no fixed cap</span>}</dd>
      </div>
      <div className="card">
        <dt>Data sent</dt>
        <dd className="card__value" data-testid="data-sent">
          {formatGiB(bytes)} <span className="card__aside">{formatTimes(result.pagesSent / pages)} VM</span>
        </dd>
        <dd>{bound(pageRange, result.pagesSent, pagesText)}</dd>
      </div>
      <StopCard scenario={scenario} result={result} />
    </>
  );
}

/**
 * Why pre-copy stopped, its words glossary terms (each once across label and value). Detached terms
 * (Term.tsx): the value's text stays the reason as written.
 */
export function StopCard({ scenario, result }: { scenario: Scenario; result: RunResult }) {
  const seen = new Set<GlossaryTerm>();
  const label = termParts(boundsApply(scenario.policy) === 'no' ? 'Switch-over' : 'Pre-copy stopped', seen);
  const value = termParts(stopReasonText(result.stopReason, scenario, result), seen);
  return (
    <div className="card card--reason">
      <dt>
        <TermRuns parts={label} detached />
      </dt>
      <dd className="card__value card__value--text" data-testid="stop-reason" data-reason={result.stopReason}>
        <TermRuns parts={value} detached />
      </dd>
    </div>
  );
}

function BoundsNote({ scenario }: { scenario: Scenario }) {
  const applies = boundsApply(scenario.policy);
  if (applies === 'yes') return null;
  return (
    <p className="summary__note" data-testid="bounds-note">
      {applies === 'reference'
        ? `The bars show Xen's bounds (Akoush Eq. 3 and 4), proven for Xen's pre-copy, not for ${POLICY_NAME[scenario.policy]}.`
        : `No bounds shown: Akoush's Eq. 3 and 4 bound Xen's pre-copy and do not apply to ${POLICY_NAME[scenario.policy].toLowerCase()}.`}
    </p>
  );
}

/**
 * What the policy reports of its own. On the one-screen workbench the facts are one strip of labels
 * and values, their notes a click away ("What these mean"), so the charts keep their height; where the
 * page flows (phones, print) the notes are always shown and the button is not.
 */
function Facts({ scenario, result, unlimited }: { scenario: Scenario; result: RunResult; unlimited: RunHeadline | null }) {
  const [notesShown, setNotesShown] = useState(false);
  const facts = policyFacts(scenario, result, unlimited);
  if (facts.length === 0) return null;
  // The notes explain the policy's own words ("passes", "dirty-sync-count", "remote faults"): each a
  // glossary term where it first appears among them.
  const seen = new Set<GlossaryTerm>();
  const notes = facts.map((f) => termParts(f.note, seen));
  return (
    <div className="facts" data-notes={notesShown ? 'shown' : undefined}>
      <dl className="facts__list" aria-label={`What ${POLICY_NAME[scenario.policy]} reports`}>
        {facts.map((f, i) => (
          <div className="fact" key={f.id}>
            <dt>{f.label}</dt>
            <dd className="fact__value" data-testid={f.id}>
              {f.value}
            </dd>
            <dd className="fact__note">
              <TermRuns parts={notes[i]} />
            </dd>
          </div>
        ))}
      </dl>
      <button type="button" className="button facts__toggle" aria-expanded={notesShown} onClick={() => setNotesShown((v) => !v)}>
        {notesShown ? 'Hide the notes' : 'What these mean'}
      </button>
    </div>
  );
}

export function Summary() {
  const run = useApp((s) => s.run);
  const stale = useApp((s) => s.run !== null && s.run.seq !== s.seq);
  const error = useApp((s) => s.workerError);
  return (
    <section className="summary" aria-labelledby="summary-heading" aria-busy={stale || run === null} data-stale={stale || undefined}>
      <h2 id="summary-heading">Result</h2>
      {error ? (
        <p className="error" role="alert">
          The simulator failed: {error}
        </p>
      ) : null}
      {run ? (
        <div className="summary__body">
          <dl className="cards">
            <Cards scenario={run.scenario} result={run.result} />
          </dl>
          <EffectiveRate scenario={run.scenario} where="summary" />
          <BoundsNote scenario={run.scenario} />
          <Facts scenario={run.scenario} result={run.result} unlimited={run.unlimited} />
          <ResultExport run={run} />
        </div>
      ) : (
        <p className="placeholder">Simulating…</p>
      )}
    </section>
  );
}
