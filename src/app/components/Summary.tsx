// The run in numbers: migration time, downtime, iterations, data sent and why pre-copy stopped, each
// placed between its bounds. The values carry stable data-testids for tests.
import { STOP_REASON_TEXT, XEN_V2_MAX_ROUNDS, bounds, pagesOf, sendPagesPerSecond, type Range, type RunResult, type Scenario, type StopReason } from '../../model/index.ts';
import { formatPages, formatSeconds } from '../charts/format.ts';
import { formatGiB, formatTimes } from '../format.ts';
import { useApp } from '../state/store.ts';
import { BoundBar } from './BoundBar.tsx';

function stopReasonText(reason: StopReason, s: Scenario): string {
  switch (reason) {
    case 'few-dirty-pages':
      return `Few pages left: an iteration sent and skipped fewer than ${formatPages(s.minDirtyPages)}`;
    case 'max-iterations':
      return `Iteration limit: stop-and-copy after iteration ${s.maxIterations}`;
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

/** Short enough for a card: "314 ms", "13.3 s". */
function formatShortDuration(seconds: number): string {
  return seconds < 1 ? `${formatSeconds(seconds * 1000)} ms` : `${formatSeconds(seconds)} s`;
}

function Cards({ scenario, result }: { scenario: Scenario; result: RunResult }) {
  const b = bounds(scenario);
  const pages = pagesOf(scenario.vmMiB, scenario.pageBytes);
  const link = sendPagesPerSecond(scenario);
  const iterations = iterationRange(scenario);
  const overheads = scenario.preS + scenario.postS;
  // Pages the time bounds stand for: every page once, up to (5N - 1) pages.
  const pageRange = { lower: (b.migrationTimeS.lower - overheads) * link, upper: (b.migrationTimeS.upper - overheads) * link };
  const bytes = result.pagesSent * scenario.pageBytes;
  const pagesText = (p: number) => `${formatTimes(p / pages)} VM`;
  return (
    <>
      <div className="card">
        <dt>Total migration time</dt>
        <dd className="card__value" data-testid="migration-time">
          {formatShortDuration(result.migrationTimeS)}
        </dd>
        <dd>
          <BoundBar range={b.migrationTimeS} value={result.migrationTimeS} format={formatShortDuration} />
        </dd>
      </div>
      <div className="card">
        <dt>Downtime</dt>
        <dd className="card__value" data-testid="downtime">
          {formatShortDuration(result.downtimeS)}
        </dd>
        <dd>
          <BoundBar range={b.downtimeS} value={result.downtimeS} format={formatShortDuration} />
        </dd>
      </div>
      <div className="card">
        <dt>Iterations</dt>
        <dd className="card__value" data-testid="iterations">
          {result.iterations}
        </dd>
        <dd>{iterations ? <BoundBar range={iterations} value={result.iterations} format={String} lowerText="least" upperText="most" /> : <span className="card__aside">no fixed cap</span>}</dd>
      </div>
      <div className="card">
        <dt>Data sent</dt>
        <dd className="card__value" data-testid="data-sent">
          {formatGiB(bytes)} <span className="card__aside">{formatTimes(result.pagesSent / pages)} VM</span>
        </dd>
        <dd>
          <BoundBar range={pageRange} value={result.pagesSent} format={pagesText} />
        </dd>
      </div>
      <div className="card card--reason">
        <dt>Pre-copy stopped</dt>
        <dd className="card__value card__value--text" data-testid="stop-reason" data-reason={result.stopReason}>
          {stopReasonText(result.stopReason, scenario)}
        </dd>
      </div>
    </>
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
        <dl className="cards">
          <Cards scenario={run.scenario} result={run.result} />
        </dl>
      ) : (
        <p className="placeholder">Simulating…</p>
      )}
    </section>
  );
}
