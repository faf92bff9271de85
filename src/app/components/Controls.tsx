// The three main controls: dirty rate, link speed (with Akoush's links one click away) and VM size.
import { LINK_PRESETS, pagesOf } from '../../model/index.ts';
import { formatMbps, formatRatePages, formatRateMBps } from '../charts/format.ts';
import { formatBytes, formatCount, formatMiB } from '../format.ts';
import { useApp } from '../state/store.ts';
import { AdvancedControls } from './AdvancedControls.tsx';
import { SCALES, limits } from './controlSpecs.ts';
import { SliderField } from './SliderField.tsx';

export function Controls() {
  const scenario = useApp((s) => s.scenario);
  const setField = useApp((s) => s.setField);
  const { dirtyRate, linkMbps, vmMiB, pageBytes } = scenario;
  return (
    <section className="controls" aria-labelledby="controls-heading">
      <h2 id="controls-heading">Scenario</h2>
      <SliderField
        id="ctl-rate"
        label="Page dirty rate"
        unit="pages/s"
        value={dirtyRate}
        scale={SCALES.dirtyRate}
        {...limits('dirtyRate')}
        onChange={(v) => setField('dirtyRate', v)}
        valueText={formatRatePages}
        hint={`${formatRateMBps(dirtyRate, pageBytes)} of memory written`}
      />
      <SliderField
        id="ctl-link"
        label="Link speed"
        unit="Mbit/s"
        value={linkMbps}
        scale={SCALES.linkMbps}
        {...limits('linkMbps')}
        onChange={(v) => setField('linkMbps', v)}
        valueText={formatMbps}
        hint="Migration goodput: what the link carries after protocol overheads."
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
      </SliderField>
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
      <AdvancedControls />
    </section>
  );
}
