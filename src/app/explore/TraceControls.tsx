// "Dirty rate from a trace" (Akoush's HIST model): none, a shipped synthetic trace, or an uploaded CSV
// (time_s,dirty_pages_per_s; docs/TRACES.md). While a trace is active it drives the dirty rate, a
// slider picks the trace time at which the migration starts, and the curves become a start-time sweep.
import { tickStep } from 'd3';
import type { ChangeEvent } from 'react';
import { sendPagesPerSecond } from '../../model/index.ts';
import { formatPages, formatSeconds } from '../charts/format.ts';
import { traceLoader } from '../state/boot.ts';
import { SHIPPED_TRACES, isShippedTrace } from '../state/shippedTraces.ts';
import { useApp } from '../state/store.ts';
import { linearSlider } from '../components/sliderScale.ts';
import { SliderField } from '../components/SliderField.tsx';
import { TraceSparkline } from './TraceSparkline.tsx';

const NONE = 'none';
const UPLOADED = 'uploaded';

/** A slider step of about a 600th of the trace, on a round value. */
export function startStep(endS: number): number {
  return endS > 0 ? tickStep(0, endS, 600) : 1;
}

function TraceDetails() {
  const trace = useApp((s) => s.trace)!;
  const scenario = useApp((s) => s.scenario);
  const setField = useApp((s) => s.setField);
  const { info } = trace;
  const endS = info.endS;
  const clampStart = (n: number) => Math.min(endS, Math.max(0, n));
  return (
    <>
      <div className="field">
        <TraceSparkline info={info} startS={scenario.traceStartS} preS={scenario.preS} linkRate={sendPagesPerSecond(scenario)} />
        <p className="field__hint" data-testid="trace-info">
          {trace.kind === 'upload' ? `${trace.name}: ` : ''}
          {formatPages(info.rows)} rows over {formatSeconds(endS)} s; mean {formatPages(info.meanRate)}, peak {formatPages(info.peakRate)} pages/s (dashed:
          what the link carries; red: the start). {info.comments[0] ?? ''}
        </p>
      </div>
      <SliderField
        id="ctl-trace-start"
        label="Migration starts at"
        unit="s"
        value={scenario.traceStartS}
        scale={linearSlider(0, Math.max(endS, 1), startStep(endS))}
        min={0}
        max={endS}
        clamp={clampStart}
        onChange={(v) => setField('traceStartS', clampStart(v))}
        valueText={(v) => `${formatSeconds(v)} s into the trace`}
        disabled={!(endS > 0)}
        hint="Trace time at which the migration starts; pre-copy begins after the pre-migration overhead (shaded). Past the end the last rate holds."
      />
    </>
  );
}

export function TraceControls() {
  const trace = useApp((s) => s.trace);
  const uploaded = useApp((s) => s.uploaded);
  const status = useApp((s) => s.traceStatus);
  const selected = !trace ? NONE : trace.kind === 'upload' ? UPLOADED : trace.name;

  const onSelect = (e: ChangeEvent<HTMLSelectElement>) => {
    const value = e.currentTarget.value;
    const loader = traceLoader();
    if (value === NONE) loader.selectNone();
    else if (value === UPLOADED) loader.selectUploaded();
    else if (isShippedTrace(value)) void loader.selectShipped(value);
  };
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0];
    e.currentTarget.value = ''; // choosing the same file again loads it again
    if (file) void traceLoader().upload(file);
  };

  return (
    <fieldset className="group trace-controls">
      <legend>Dirty rate from a trace</legend>
      <div className="field">
        <label htmlFor="ctl-trace">Trace</label>
        <select id="ctl-trace" value={selected} onChange={onSelect} aria-describedby="ctl-trace-hint">
          <option value={NONE}>None: the constant rate above</option>
          {SHIPPED_TRACES.map((t) => (
            <option key={t.name} value={t.name}>
              {t.name}: {t.title}
            </option>
          ))}
          {uploaded ? <option value={UPLOADED}>Uploaded: {uploaded.name}</option> : null}
        </select>
        <p className="field__hint" id="ctl-trace-hint">
          A log of the guest's dirty rate over time (Akoush's HIST model): the run follows it from the start time below.
        </p>
      </div>
      <div className="field">
        <label htmlFor="ctl-trace-file">Upload a CSV trace</label>
        <input id="ctl-trace-file" className="file-input" type="file" accept=".csv,text/csv" onChange={onFile} aria-describedby="ctl-trace-file-hint" />
        <p className="field__hint" id="ctl-trace-file-hint">
          Header <code>time_s,dirty_pages_per_s</code>, one row per interval, up to 50 MB; read in a worker. Uploads stay in this tab: a link cannot carry them.
        </p>
      </div>
      <div className="trace-error" role="alert" data-testid="trace-error">
        {status.error ? `Trace not loaded: ${status.error}` : null}
      </div>
      {status.loading ? (
        <p className="field__hint" role="status">
          Reading {status.loading}…
        </p>
      ) : null}
      {trace ? <TraceDetails /> : null}
    </fieldset>
  );
}
