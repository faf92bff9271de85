// "How close is this to the papers?": a section after the charts, collapsed behind a button. Opening it
// computes the rows in a worker (src/model/validation.ts, ~40-70 ms) and shows each paper's figure, the
// simulator's and the error, with rows beyond tolerance marked. docs/VALIDATION.md explains the gaps.
import { wrap } from 'comlink';
import { useEffect, useState } from 'react';
import type { Validation, ValidationRow } from '../../model/validation.ts';
import type { ValidationApi } from '../../workers/validation.worker.ts';
import { WithTerms } from '../teach/WithTerms.tsx';
import '../sla/sla.css';
import './validation.css';

export function ValidationSection() {
  const [open, setOpen] = useState(false);
  return (
    <section className="validation" aria-labelledby="validation-heading" data-testid="validation">
      <div className="validation__head">
        <h2 id="validation-heading">How close is this to the papers?</h2>
        <button type="button" className="button" aria-expanded={open} aria-controls="validation-body" onClick={() => setOpen(!open)}>
          {open ? 'Hide the comparison' : 'Compare with the papers'}
        </button>
      </div>
      <div id="validation-body" hidden={!open}>
        {open && <ValidationBody />}
      </div>
    </section>
  );
}

type State = { kind: 'loading' } | { kind: 'ready'; v: Validation; ms: number } | { kind: 'error'; message: string };

function ValidationBody() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    const worker = new Worker(new URL('../../workers/validation.worker.ts', import.meta.url), { type: 'module', name: 'validation' });
    let live = true;
    const t0 = performance.now();
    wrap<ValidationApi>(worker)
      .validation()
      .then((v) => live && setState({ kind: 'ready', v, ms: performance.now() - t0 }))
      .catch((e: unknown) => live && setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }))
      .finally(() => worker.terminate());
    return () => {
      live = false;
      worker.terminate();
    };
  }, []);

  if (state.kind === 'loading') return <p aria-live="polite">Computing the comparison…</p>;
  if (state.kind === 'error') return <p className="error" role="alert">The comparison failed: {state.message}</p>;
  const { v, ms } = state;
  const all = [...v.tableI, ...v.asterisk, ...v.vcpu, ...v.qemu72];
  const beyond = all.filter((r) => !r.ok).length + v.fig1.filter((t) => !t.ok).length;
  return (
    <div className="validation__body">
      <p className="validation__intro" aria-live="polite" data-testid="validation-summary">
        Computed just now from the simulator ({Math.round(ms)} ms, in a worker): {all.length + v.fig1.length} comparisons,{' '}
        {beyond === 0 ? 'all within tolerance' : `${beyond} beyond tolerance (marked ✗, explained in the note)`}.
      </p>
      <RowsTable
        caption="Akoush et al., Table I: migration bounds of a 1,024 MB VM (tolerance 0.5 %)"
        rows={v.tableI}
      />
      <table className="validation__table">
        <caption>Akoush et al., Fig. 1: the traits of the curves (the paper prints no values)</caption>
        <thead>
          <tr>
            <th scope="col">Trait</th>
            <th scope="col">Simulator</th>
            <th scope="col">Holds</th>
          </tr>
        </thead>
        <tbody>
          {v.fig1.map((t) => (
            <tr key={t.id} data-testid={`validation-row-${t.id}`} data-ok={t.ok}>
              <th scope="row">
                <WithTerms text={t.trait} detached />
              </th>
              <td>
                <WithTerms text={t.observed} detached />
              </td>
              <td><Mark ok={t.ok} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <RowsTable caption="Asterisk VoIP paper, Tables 1–3, and the MP4 VM of the vCPU-limit paper, against the presets" rows={v.asterisk} />
      <RowsTable caption="vCPU-limit paper: the finding, with the writer held to 20 % of a vCPU" rows={v.vcpu} />
      <RowsTable caption="A real QEMU 7.2: 48 measured migrations in 16 cases (the “Paper” column is QEMU’s median; link 10,000 Mbit/s)" rows={v.qemu72} />
    </div>
  );
}

function Mark({ ok }: { ok: boolean }) {
  return ok ? (
    <span className="validation__ok">✓<span className="visually-hidden"> within tolerance</span></span>
  ) : (
    <span className="validation__bad">✗<span className="visually-hidden"> beyond tolerance</span></span>
  );
}

function value(x: number, unit: string): string {
  if (unit === 'verdict') return x ? 'stalls' : 'converges';
  const digits = unit === '×' ? 4 : Math.abs(x) >= 1000 ? 1 : Math.abs(x) >= 100 ? 2 : 3;
  return unit === 'iterations' ? String(Math.round(x)) : `${x.toLocaleString('en-US', { maximumFractionDigits: digits })}${unit === '×' ? '×' : ` ${unit}`}`;
}

function errorText(r: ValidationRow): string {
  if (r.unit === 'verdict') return r.ok ? 'same' : 'differs';
  if (r.absolute) {
    const unit = r.unit === '%' ? ' points' : r.unit === 'iterations' ? '' : ` ${r.unit}`;
    return `${r.error > 0 ? '+' : r.error < 0 ? '−' : '±'}${+Math.abs(r.error).toFixed(2)}${unit}`;
  }
  const p = r.error * 100;
  return `${p > 0 ? '+' : p < 0 ? '−' : '±'}${Math.abs(p).toFixed(2)} %`;
}

function toleranceText(r: ValidationRow): string {
  if (r.toleranceText) return r.toleranceText;
  if (r.direction) return `a ${r.direction}`;
  if (r.absolute) return r.tolerance === 0 ? 'exact' : `±${r.tolerance}${r.unit === '%' ? ' points' : ''}`;
  return `±${+(r.tolerance * 100).toFixed(2)} %`;
}

function RowsTable({ caption, rows }: { caption: string; rows: readonly ValidationRow[] }) {
  return (
    <table className="validation__table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col">Paper</th>
          <th scope="col">Simulator</th>
          <th scope="col">Error</th>
          <th scope="col">Tolerance</th>
          <th scope="col">Within</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-testid={`validation-row-${r.id}`} data-ok={r.ok} data-error={r.error} className={r.ok ? undefined : 'is-beyond'}>
            <th scope="row">
              <WithTerms text={r.label} detached />
              {r.note ? (
                <span className="validation__note">
                  <WithTerms text={r.note} detached />
                </span>
              ) : null}
            </th>
            <td>{r.direction ? 'higher' : value(r.paper, r.unit)}</td>
            <td>{r.direction ? `${r.simulated > 0 ? '+' : '−'}${Math.abs(r.simulated).toFixed(1)} %` : value(r.simulated, r.unit)}</td>
            <td>{r.direction ? (r.ok ? 'same direction' : 'opposite direction') : errorText(r)}</td>
            <td>{toleranceText(r)}</td>
            <td><Mark ok={r.ok} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
