// The main controls: dirty rate (or a trace in its place), link speed (with Akoush's links one click
// away), VM size, the migration policy, and the trace section; the rest is under Advanced.
import { useMemo } from 'react';
import { LINK_PRESETS, pagesOf, sendPagesPerSecond } from '../../model/index.ts';
import { formatMbps, formatPages, formatRatePages, formatRateMBps } from '../charts/format.ts';
import { formatBytes, formatCount, formatMiB } from '../format.ts';
import { listHides, useHiddenList } from '../state/classroomView.ts';
import type { Group } from '../state/classroom.ts';
import { useApp } from '../state/store.ts';
import { AdvancedControls } from './AdvancedControls.tsx';
import { EffectiveRate } from '../components/EffectiveRate.tsx';
import { Term } from '../teach/Term.tsx';
import { SCALES, limits, rateScale } from './controlSpecs.ts';
import { DragCue } from './DragCue.tsx';
import { PolicyPicker } from './PolicyPicker.tsx';
import { SliderField } from '../components/SliderField.tsx';
import { TraceControls } from './TraceControls.tsx';

export function Controls() {
  const scenario = useApp((s) => s.scenario);
  const trace = useApp((s) => s.trace);
  const setField = useApp((s) => s.setField);
  const { dirtyRate, linkMbps, vmMiB, pageBytes } = scenario;
  // Classroom links may hide any of these groups (see state/classroom.ts).
  const hiddenList = useHiddenList();
  const hidden = (g: Group) => listHides(hiddenList, g);
  // The rate slider's knee region follows the pages/s the link sends.
  const knee = Math.round(sendPagesPerSecond(scenario));
  const rate = useMemo(() => rateScale(knee), [knee]);
  return (
    <section className="controls" aria-labelledby="controls-heading">
      <h2 id="controls-heading">Scenario</h2>
      {hidden('rate') ? null : (
        <SliderField
          id="ctl-rate"
          label="Page dirty rate"
          unit="pages/s"
          value={dirtyRate}
          scale={rate}
          {...limits('dirtyRate')}
          onChange={(v) => setField('dirtyRate', v)}
          valueText={formatRatePages}
          disabled={trace !== null}
          hint={
            trace ? (
              <span data-testid="rate-from-trace">
                From the trace ({trace.name}): {formatPages(trace.info.meanRate)} pages/s on average, up to {formatPages(trace.info.peakRate)}.
              </span>
            ) : (
              `${formatRateMBps(dirtyRate, pageBytes)} of memory written`
            )
          }
        />
      )}
      {hidden('rate') || trace ? null : <DragCue />}
      {hidden('link') ? null : (
        <SliderField
          id="ctl-link"
          label="Link speed"
          unit="Mbit/s"
          value={linkMbps}
          scale={SCALES.linkMbps}
          {...limits('linkMbps')}
          onChange={(v) => setField('linkMbps', v)}
          valueText={formatMbps}
          hint={
            <>
              Migration <Term term="goodput">goodput</Term>: what the link carries after protocol overheads.
            </>
          }
        >
          <div className="link-presets" role="group" aria-label="Akoush et al.'s links">
            {LINK_PRESETS.map((p) => (
              <button
                key={p.id}
                type="button"
                className="chip"
                aria-pressed={linkMbps === p.goodputMbps}
                title={`${formatMbps(p.goodputMbps)} goodput measured on a ${p.label} link (Akoush et al., Table I)`}
                onClick={() => setField('linkMbps', p.goodputMbps)}
              >
                {p.label}
              </button>
            ))}
          </div>
          <EffectiveRate scenario={scenario} where="controls" />
        </SliderField>
      )}
      {hidden('vm') ? null : (
        <SliderField
          id="ctl-vm"
          label="VM memory"
          unit="MiB"
          value={vmMiB}
          scale={SCALES.vmMiB}
          {...limits('vmMiB')}
          onChange={(v) => setField('vmMiB', v)}
          valueText={formatMiB}
          hint={`${formatMiB(vmMiB)}: ${formatCount(pagesOf(vmMiB, pageBytes))} pages of ${formatBytes(pageBytes)}`}
        />
      )}
      {hidden('policy') ? null : <PolicyPicker />}
      {hidden('trace') ? null : <TraceControls />}
      {hidden('advanced') ? null : <AdvancedControls />}
    </section>
  );
}
