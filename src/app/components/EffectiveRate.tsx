// The rate that moves the data, where it is not simply the link's: QEMU's max-bandwidth cap, zero pages
// and compression, or the compressor. Shown under the link control and in the summary, with a one-click
// way to lift the cap, so the setting that decides a result is never hidden.
import { effectiveRate, effectiveRateHeadline, effectiveRateText, liftedCapMiBps, type Scenario } from '../../model/index.ts';
import { formatMiBps } from '../../model/words/format.ts';
import { useApp } from '../state/store.ts';
import { Term } from '../teach/Term.tsx';
import './effective-rate.css';

export function EffectiveRate({ scenario, where }: { scenario: Scenario; where: 'controls' | 'summary' }) {
  const setField = useApp((s) => s.setField);
  const e = effectiveRate(scenario);
  const text = effectiveRateText(scenario, e);
  if (!text) return null;
  const lifted = liftedCapMiBps(scenario.linkMbps);
  return (
    <div className="effective-rate" data-testid={`effective-rate-${where}`} data-limiter={e.limiter}>
      <p>
        <strong>
          <Term term="effective rate">Effective rate</Term>: {effectiveRateHeadline(e)}.
        </strong>{' '}
        {text}
      </p>
      {e.limiter === 'cap' ? (
        <button type="button" className="button" onClick={() => setField('maxBandwidthMiBps', lifted)}>
          Lift the cap<span className="visually-hidden"> (max-bandwidth {formatMiBps(lifted)}, the link's speed)</span>
        </button>
      ) : null}
    </div>
  );
}
