// The SLA lens: the current run's downtime against an availability target (share of the yearly budget,
// migrations per year) and against a percentile response-time SLA (Cloudstone's, as in the Olio paper).
// Its settings are UI state only; the arithmetic and its assumptions are in src/model/sla.ts.
import { formatShare } from '../../model/words/format.ts';
import { useId, useState } from 'react';
import { availabilityBudget, availabilityError, responseSlaError, responseVerdict, type ResponseSla } from '../../model/sla.ts';
import { formatDuration } from '../charts/format.ts';
import { formatCount } from '../format.ts';
import { useApp } from '../state/store.ts';
import { WithTerms } from '../teach/WithTerms.tsx';
import './sla.css';

const ASSUMPTIONS =
  'Assumes requests arrive evenly, the first as the VM pauses, and the downtime falls in one window; a request ' +
  'that arrives during the downtime waits for the rest of it, then takes the normal response time; nothing else is ' +
  'slowed (no backlog after the resume, no degraded pre-copy). The percentile is nearest-rank.';

const TARGETS = ['99.9', '99.99', '99.999'] as const;

/** Olio paper, Cloudstone SLA: at most 1 s at the 99th percentile over any 5-minute window. */
const DEFAULT_SLA = { requestRate: '100', maxResponseS: '1', normalResponseS: '0.1', percentile: '99', windowS: '300' };
type SlaDraft = typeof DEFAULT_SLA;

const FIELDS: readonly { key: keyof SlaDraft; label: string; unit: string }[] = [
  { key: 'requestRate', label: 'Request rate', unit: 'requests/s' },
  { key: 'maxResponseS', label: 'Maximum response time', unit: 's' },
  { key: 'normalResponseS', label: 'Normal response time', unit: 's' },
  { key: 'percentile', label: 'Percentile', unit: '%' },
  { key: 'windowS', label: 'Window', unit: 's' },
];

const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** A share as a percentage through the shared formatter: "0.01 %", never "9.95e-3 %". */
const percent = formatShare;

function longDuration(seconds: number): string {
  if (seconds < 120) return formatDuration(seconds);
  const m = seconds / 60;
  return m < 120 ? `${m.toFixed(1)} min` : `${(m / 60).toFixed(1)} h`;
}

export function SlaLens() {
  const run = useApp((s) => s.run);
  const [target, setTarget] = useState<string>('99.99');
  const [custom, setCustom] = useState('99.95');
  const [sla, setSla] = useState<SlaDraft>(DEFAULT_SLA);
  const id = useId();
  const downtimeS = run?.result.downtimeS ?? null;

  const targetText = target === 'custom' ? custom : target;
  const targetError = availabilityError(num(targetText));
  const parsed: ResponseSla = {
    requestRate: num(sla.requestRate),
    maxResponseS: num(sla.maxResponseS),
    normalResponseS: num(sla.normalResponseS),
    percentile: num(sla.percentile) / 100,
    windowS: num(sla.windowS),
  };
  const slaError = responseSlaError(parsed);

  return (
    <section className="sla" aria-labelledby={`${id}-heading`} data-testid="sla-lens">
      <h2 id={`${id}-heading`}>SLA lens</h2>
      <div className="sla__row">
        <div role="group" aria-label="Availability target" className="sla__chips">
          <span className="sla__label" aria-hidden="true">Availability</span>
          {TARGETS.map((t) => (
            <button key={t} type="button" className="chip" aria-pressed={target === t} onClick={() => setTarget(t)}>
              {t} %
            </button>
          ))}
          <button type="button" className="chip" aria-pressed={target === 'custom'} onClick={() => setTarget('custom')}>
            Custom
          </button>
          {target === 'custom' ? (
            <label className="sla__field">
              <span className="visually-hidden">Custom availability target (%)</span>
              <input
                type="number"
                inputMode="decimal"
                step="any"
                className="number"
                value={custom}
                aria-invalid={targetError !== null}
                aria-describedby={targetError ? `${id}-target-error` : undefined}
                onChange={(e) => setCustom(e.currentTarget.value)}
                data-testid="sla-custom-target"
              />
              <span aria-hidden="true"> %</span>
            </label>
          ) : null}
        </div>
      </div>
      <p aria-live="polite" data-testid="sla-budget">
        {targetError ? (
          <span className="error" id={`${id}-target-error`} data-testid="sla-target-error">
            {targetError}
          </span>
        ) : downtimeS === null ? (
          'Simulating…'
        ) : (
          <BudgetSentence availability={num(targetText) / 100} downtimeS={downtimeS} targetText={targetText} />
        )}
      </p>

      <fieldset className="sla__response">
        <legend>Response-time SLA</legend>
        {FIELDS.map((f) => (
          <label key={f.key} className="sla__field">
            <span>{f.label}</span>
            <input
              type="number"
              inputMode="decimal"
              step="any"
              className="number"
              value={sla[f.key]}
              onChange={(e) => {
                const text = e.currentTarget.value;
                setSla((d) => ({ ...d, [f.key]: text }));
              }}
              aria-describedby={slaError ? `${id}-sla-error` : undefined}
              data-testid={`sla-${f.key}`}
            />
            <span className="sla__unit">{f.unit}</span>
          </label>
        ))}
      </fieldset>
      <p aria-live="polite" data-testid="sla-response">
        {slaError ? (
          <span className="error" id={`${id}-sla-error`}>
            {slaError}
          </span>
        ) : downtimeS === null ? (
          'Simulating…'
        ) : (
          <ResponseSentence sla={parsed} downtimeS={downtimeS} />
        )}
      </p>
      <p className="sla__assumptions">
        <WithTerms text={ASSUMPTIONS} detached />
      </p>
    </section>
  );
}

function BudgetSentence({ availability, downtimeS, targetText }: { availability: number; downtimeS: number; targetText: string }) {
  const b = availabilityBudget(availability, downtimeS);
  const fits = Number.isFinite(b.migrationsPerYear) ? formatCount(b.migrationsPerYear) : 'any number of';
  return (
    <>
      At {targetText} % availability the year allows {longDuration(b.budgetS)} of downtime: this migration's{' '}
      {formatDuration(downtimeS)} uses <strong data-testid="sla-share">{percent(b.shareUsed)}</strong> of it, and{' '}
      <strong data-testid="sla-per-year">{fits}</strong> such migrations fit in a year.
    </>
  );
}

function ResponseSentence({ sla, downtimeS }: { sla: ResponseSla; downtimeS: number }) {
  const v = responseVerdict(sla, downtimeS);
  const p = `${+(sla.percentile * 100).toPrecision(6)}th percentile`;
  const limit = Number.isFinite(v.maxDowntimeS) ? ` (it survives up to ${formatDuration(v.maxDowntimeS)})` : '';
  return (
    <>
      {formatCount(v.slowRequests)} of the {formatCount(v.windowRequests)} requests in the worst {formatDuration(sla.windowS)}{' '}
      window take longer than {formatDuration(sla.maxResponseS)}; the {p} allows {formatCount(v.allowedSlow)}, so this downtime
      alone <strong data-testid="sla-verdict">{v.breaks ? 'breaks the SLA' : 'keeps within the SLA'}</strong>
      {limit}.
    </>
  );
}
