// The "Advanced" group: the guest's dirty pattern, page size and overheads; the chosen policy's own
// parameters (Xen's stop conditions: 50 pages, 29 iterations, 3x; QEMU's downtime limit…; the policy
// itself is picked in the main controls); and the transfer (vCPU limit, zero pages, compression).
// Opens by itself when the scenario (e.g. from a link) sets any of them.
import { useState } from 'react';
import { DEFAULT_SCENARIO, DEVICE_STATE_BYTES, PATTERNS, pagesOf, type Pattern, type Scenario } from '../../model/index.ts';
import { formatDuration, formatMbps, formatPages } from '../charts/format.ts';
import { formatBytes, formatMiB, formatTimes } from '../format.ts';
import { POLICY_NAME } from '../policyNames.ts';
import { getAppStore, useApp, type AppState } from '../state/store.ts';
import { NumberInput } from '../components/NumberInput.tsx';
import { PAGE_SIZES, SCALES, limits, wssScale } from './controlSpecs.ts';
import { SliderField } from '../components/SliderField.tsx';
import { WriterCpuField } from './WriterCpuField.tsx';
import { WithTerms } from '../teach/WithTerms.tsx';

const PATTERN_TEXT: Record<Pattern, string> = {
  sequential: 'Sequential (Akoush’s writer)',
  uniform: 'Uniform random',
  hotcold: 'Hot and cold sets',
};

const MAIN_KEYS = new Set<keyof Scenario>(['vmMiB', 'linkMbps', 'dirtyRate', 'policy', 'traceStartS']);

const percent = (x: number) => `${Number((x * 100).toPrecision(3))}%`;

type SetField = AppState['setField'];

function GuestFields({ s, setField }: { s: Scenario; setField: SetField }) {
  const pages = pagesOf(s.vmMiB, s.pageBytes);
  const wss = s.wssPages ?? pages;
  const hotcold = s.pattern === 'hotcold';
  return (
    <>
      <div className="field">
        <label htmlFor="ctl-pattern">Dirty pattern</label>
        <select id="ctl-pattern" value={s.pattern} onChange={(e) => setField('pattern', e.currentTarget.value as Pattern)}>
          {PATTERNS.map((p) => (
            <option key={p} value={p}>
              {PATTERN_TEXT[p]}
            </option>
          ))}
        </select>
        <p className="field__hint">{s.pattern === 'sequential' ? 'Write k hits page k mod W: exact.' : 'Expected value over all random page choices.'}</p>
      </div>
      <SliderField
        id="ctl-wss"
        label="Working set"
        term="working set"
        unit="pages"
        value={wss}
        scale={wssScale(pages)}
        min={1}
        max={pages}
        clamp={(n) => Math.min(pages, Math.max(1, Math.round(n)))}
        onChange={(v) => setField('wssPages', v >= pages ? null : v)}
        valueText={(v) => `${formatPages(v)} pages`}
        hint={s.wssPages === null ? 'The whole VM.' : `${formatMiB((wss * s.pageBytes) / 1_048_576)}, ${percent(wss / pages)} of the VM.`}
      />
      <SliderField
        id="ctl-hot-fraction"
        label="Hot fraction"
        unit="of set"
        value={s.hotFraction}
        scale={SCALES.hotFraction}
        {...limits('hotFraction')}
        onChange={(v) => setField('hotFraction', v)}
        valueText={(v) => `${percent(v)} of the working set`}
        hint={hotcold ? `${percent(s.hotFraction)} of the working set is hot.` : 'Used by the hot and cold pattern.'}
        disabled={!hotcold}
      />
      <SliderField
        id="ctl-hot-share"
        label="Hot share"
        unit="of writes"
        value={s.hotShare}
        scale={SCALES.hotShare}
        {...limits('hotShare')}
        onChange={(v) => setField('hotShare', v)}
        valueText={(v) => `${percent(v)} of the writes`}
        hint={hotcold ? `${percent(s.hotShare)} of the writes hit the hot set.` : 'Used by the hot and cold pattern.'}
        disabled={!hotcold}
      />
      <div className="field">
        <label htmlFor="ctl-seed">Seed</label>
        <NumberInput id="ctl-seed" className="number number--wide" value={s.seed} {...limits('seed')} onChange={(v) => setField('seed', v)} label="Seed" describedBy="ctl-seed-hint" />
        <p className="field__hint" id="ctl-seed-hint">
          Picks the pages of random patterns in page-exact runs (command line); the app shows their expected value.
        </p>
      </div>
      <div className="field">
        <label htmlFor="ctl-page">Page size</label>
        <select id="ctl-page" value={s.pageBytes} onChange={(e) => setField('pageBytes', Number(e.currentTarget.value))}>
          {PAGE_SIZES.map((b) => (
            <option key={b} value={b}>
              {formatBytes(b)}
            </option>
          ))}
        </select>
      </div>
      <SliderField
        id="ctl-pre"
        label="Pre-migration overhead"
        term="pre-migration overhead"
        unit="s"
        value={s.preS}
        scale={SCALES.preS}
        {...limits('preS')}
        onChange={(v) => setField('preS', v)}
        valueText={formatDuration}
        hint="Initialisation and reservation (Akoush: 3.78 s)."
      />
      <SliderField
        id="ctl-post"
        label="Post-migration overhead"
        term="post-migration overhead"
        unit="s"
        value={s.postS}
        scale={SCALES.postS}
        {...limits('postS')}
        onChange={(v) => setField('postS', v)}
        valueText={formatDuration}
        hint="Commitment and activation, part of the downtime (Akoush: 0.314 s)."
      />
    </>
  );
}

function PolicyFields({ s, setField }: { s: Scenario; setField: SetField }) {
  const xen = s.policy === 'xen';
  return (
    <fieldset className="group">
      <legend>{POLICY_NAME[s.policy]}: its settings</legend>
      {s.policy === 'postcopy' || s.policy === 'hybrid' ? (
        <p className="field__hint">
          <WithTerms
            text={`${s.policy === 'hybrid' ? 'One live iteration over all memory, then post-copy. ' : ''}At the switch-over the VM pauses while its CPU and device state (${formatBytes(DEVICE_STATE_BYTES)}) cross the link, then resumes at the destination; pages it touches before they arrive are fetched as remote faults. No further settings.`}
          />
        </p>
      ) : null}
      {xen || s.policy === 'xen-v2' ? (
        <SliderField
          id="ctl-min-dirty"
          label="Fewer dirty pages than"
          term="dirty page"
          unit="pages"
          value={s.minDirtyPages}
          scale={SCALES.minDirtyPages}
          {...limits('minDirtyPages')}
          onChange={(v) => setField('minDirtyPages', v)}
          valueText={(v) => `${formatPages(v)} pages`}
          hint="An iteration that sent and skipped fewer pages ends pre-copy (Xen: 50)."
        />
      ) : null}
      {xen ? (
        <>
          <SliderField
            id="ctl-max-iterations"
            label="After iteration"
            unit="iter."
            value={s.maxIterations}
            scale={SCALES.maxIterations}
            {...limits('maxIterations')}
            onChange={(v) => setField('maxIterations', v)}
            valueText={(v) => `iteration ${v}`}
            hint="The stop-and-copy follows this iteration at the latest (Xen: 29)."
          />
          <SliderField
            id="ctl-max-factor"
            label="Data sent over"
            term="data limit"
            unit="× VM"
            value={s.maxFactor}
            scale={SCALES.maxFactor}
            {...limits('maxFactor')}
            onChange={(v) => setField('maxFactor', v)}
            valueText={(v) => `${formatTimes(v)} the VM`}
            hint="Pre-copy ends once more than this multiple of the VM was sent (Xen: 3×)."
          />
        </>
      ) : null}
      {s.policy === 'qemu' ? (
        <>
          <SliderField
            id="ctl-downtime-limit"
            label="Downtime limit"
            term="downtime limit"
            unit="ms"
            value={s.downtimeLimitMs}
            scale={SCALES.downtimeLimitMs}
            {...limits('downtimeLimitMs')}
            onChange={(v) => setField('downtimeLimitMs', v)}
            valueText={(v) => `${v} ms`}
            hint="Switch over once the dirty data can be sent within this (QEMU: 300 ms)."
          />
          <SliderField
            id="ctl-max-bandwidth"
            label="Bandwidth cap"
            term="max-bandwidth"
            unit="MiB/s"
            value={s.maxBandwidthMiBps}
            scale={SCALES.maxBandwidthMiBps}
            {...limits('maxBandwidthMiBps')}
            onChange={(v) => setField('maxBandwidthMiBps', v)}
            valueText={(v) => `${v} MiB/s`}
            hint="QEMU’s max-bandwidth (default 128 MiB/s)."
          />
          <SliderField
            id="ctl-timeout"
            label="Give up after"
            term="timeout"
            unit="s"
            value={s.timeoutS}
            scale={SCALES.timeoutS}
            {...limits('timeoutS')}
            onChange={(v) => setField('timeoutS', v)}
            valueText={formatDuration}
            hint="Pre-copy time before the switch-over is forced (150 s)."
          />
          <div className="field field--check">
            <input id="ctl-auto-converge" type="checkbox" checked={s.autoConverge} onChange={(e) => setField('autoConverge', e.currentTarget.checked)} />
            <label htmlFor="ctl-auto-converge">
              <WithTerms text="Auto-converge (throttle a guest that dirties too fast)" detached />
            </label>
          </div>
        </>
      ) : null}
    </fieldset>
  );
}

function TransferFields({ s, setField }: { s: Scenario; setField: SetField }) {
  return (
    <fieldset className="group">
      <legend>Guest CPU and transfer</legend>
      <SliderField
        id="ctl-vcpu-limit"
        label="vCPU share of the writer"
        term="vCPU limit"
        unit="of a vCPU"
        value={s.vcpuLimit}
        scale={SCALES.vcpuLimit}
        {...limits('vcpuLimit')}
        onChange={(v) => setField('vcpuLimit', v)}
        valueText={(v) => `${percent(v)} of a vCPU`}
        hint="A writer held to part of a vCPU dirties memory more slowly (1 = no limit); the summary then weighs the time saved against the CPU it lost."
      />
      <WriterCpuField s={s} setField={setField} />
      <SliderField
        id="ctl-zero-fraction"
        label="Zero pages"
        term="zero page"
        unit="of pages"
        value={s.zeroFraction}
        scale={SCALES.zeroFraction}
        {...limits('zeroFraction')}
        onChange={(v) => setField('zeroFraction', v)}
        valueText={(v) => `${percent(v)} of the pages`}
        hint="All-zero pages go as a marker, not as data."
      />
      <SliderField
        id="ctl-compression"
        label="Compression ratio"
        term="compression"
        unit="×"
        value={s.compressionRatio}
        scale={SCALES.compressionRatio}
        {...limits('compressionRatio')}
        onChange={(v) => setField('compressionRatio', v)}
        valueText={(v) => `${formatTimes(v)}`}
        hint="Of the other pages (1 = no compression)."
      />
      <div className="field field--check">
        <input
          id="ctl-compress-limit"
          type="checkbox"
          checked={s.compressMbps !== null}
          onChange={(e) => setField('compressMbps', e.currentTarget.checked ? 1000 : null)}
        />
        <label htmlFor="ctl-compress-limit">Limit the compressor’s throughput</label>
      </div>
      {s.compressMbps !== null ? (
        <SliderField
          id="ctl-compress-mbps"
          label="Compressor throughput"
          unit="Mbit/s"
          value={s.compressMbps}
          scale={SCALES.compressMbps}
          {...limits('compressMbps')}
          onChange={(v) => setField('compressMbps', v)}
          valueText={formatMbps}
          hint="Page data the compressor reads per second."
        />
      ) : null}
    </fieldset>
  );
}

export function AdvancedControls() {
  const [open] = useState(() => {
    const s = getAppStore().getState().scenario;
    return (Object.keys(DEFAULT_SCENARIO) as (keyof Scenario)[]).some((k) => !MAIN_KEYS.has(k) && s[k] !== DEFAULT_SCENARIO[k]);
  });
  const s = useApp((st) => st.scenario);
  const setField = useApp((st) => st.setField);
  return (
    <details className="advanced" open={open}>
      <summary>Advanced</summary>
      <GuestFields s={s} setField={setField} />
      <PolicyFields s={s} setField={setField} />
      <TransferFields s={s} setField={setField} />
    </details>
  );
}
