// Compare mode: pin the current scenario (up to six, each named and coloured), see every pin's
// headline numbers beside a chosen baseline's, and which of them, seen as VMs on one host, to migrate
// first. The pins are in the link; their runs are computed once (state/pinRuns.ts).
import { useEffect, useState, type FormEvent } from 'react';
import type { RunResult, Scenario } from '../../model/index.ts';
import { rankByDowntime, rankByMigrationTime } from '../../model/ranking.ts';
import { describeScenario, whyEqual } from '../../model/index.ts';
import { formatGiB } from '../format.ts';
import { MAX_PINS, PIN_COLOURS, cleanName, defaultName, type Pin } from '../state/pins.ts';
import { useApp } from '../state/store.ts';
import { shortDuration, signedDuration } from '../explore/policyFacts.ts';
import type { GlossaryTerm } from '../teach/glossary.ts';
import { TermRuns, termParts } from '../teach/WithTerms.tsx';
import './compare.css';

function percent(delta: number, base: number): string {
  const p = (100 * Math.abs(delta)) / Math.abs(base);
  if (!Number.isFinite(p)) return '';
  return ` (${delta >= 0 ? '+' : '−'}${p >= 100 ? p.toFixed(0) : p.toFixed(1)} %)`;
}

/** The difference to the baseline; below 0.01 % of it (float noise) it is the same. */
function Delta({ value, base, format, relative = true }: { value: number; base: number | undefined; format(delta: number): string; relative?: boolean }) {
  if (base === undefined) return null;
  const delta = value - base;
  const same = Math.abs(delta) <= 1e-4 * Math.abs(base) || delta === 0;
  return <span className="compare__delta">{same ? 'same' : `${format(delta)}${relative ? percent(delta, base) : ''}`}</span>;
}

const signed = (f: (n: number) => string) => (d: number) => `${d > 0 ? '+' : '−'}${f(Math.abs(d))}`;

/** The pin's scenario in the shared words (model/words/describe.ts): every setting that shapes it. */
function describe(pin: Pin): string {
  return describeScenario(pin.scenario);
}

function PinRow({ pin, result, base, baseScenario, isBase }: { pin: Pin; result: RunResult | undefined; base: RunResult | undefined; baseScenario: Scenario; isBase: boolean }) {
  const renamePin = useApp((s) => s.renamePin);
  const setPinColour = useApp((s) => s.setPinColour);
  const setBaseline = useApp((s) => s.setBaseline);
  const unpin = useApp((s) => s.unpin);
  const applyPin = useApp((s) => s.applyPin);
  const bytes = result ? result.pagesSent * pin.scenario.pageBytes : 0;
  const baseBytes = base ? base.pagesSent * baseScenario.pageBytes : undefined;
  // The box shows what is stored: a cleaned name after editing, a name changed elsewhere at once.
  const [text, setText] = useState(pin.name);
  useEffect(() => setText(pin.name), [pin.name]);
  const commit = () => {
    renamePin(pin.id, text);
    setText(cleanName(text, pin.name));
  };
  const remove = () => {
    unpin(pin.id);
    // The row goes: focus moves to the pin form, so keyboard users are not dropped at the page's top.
    requestAnimationFrame(() => (document.getElementById('pin-name') as HTMLInputElement | null)?.focus());
  };
  const d = isBase ? undefined : base;
  // Equal results from different settings: say what differs and why the result does not.
  const why = !isBase && result && base ? whyEqual(baseScenario, base, pin.scenario, result) : null;
  // Their settings' words are terms (each once in the row), detached: the cells' text stays as written.
  const seen = new Set<GlossaryTerm>();
  const described = termParts(describe(pin), seen);
  const whyParts = why ? termParts(why, seen) : [];
  return (
    <tr data-pin-name={pin.name}>
      <td>
        <input type="radio" name="compare-baseline" aria-label={`Baseline: ${pin.name}`} checked={isBase} onChange={() => setBaseline(pin.id)} />
      </td>
      <th scope="row">
        <div className="compare__who">
          <span className="compare__swatch" style={{ background: PIN_COLOURS[pin.colour].value }} aria-hidden="true" />
          <input
            className="compare__name"
            aria-label={`Name of ${pin.name}`}
            value={text}
            maxLength={32}
            onChange={(e) => setText(e.currentTarget.value)}
            onBlur={commit}
            onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          />
          <select aria-label={`Colour of ${pin.name}`} value={pin.colour} onChange={(e) => setPinColour(pin.id, Number(e.target.value))}>
            {PIN_COLOURS.map((c, i) => (
              <option key={c.name} value={i}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="compare__scenario" data-testid="pin-description">
          <TermRuns parts={described} detached />
        </div>
        {why ? (
          <div className="compare__why" data-testid="pin-why-equal">
            <TermRuns parts={whyParts} detached />
          </div>
        ) : null}
      </th>
      {result ? (
        <>
          <td data-testid="pin-migration-time">
            {shortDuration(result.migrationTimeS)} <Delta value={result.migrationTimeS} base={d?.migrationTimeS} format={signedDuration} />
          </td>
          <td data-testid="pin-downtime">
            {shortDuration(result.downtimeS)} <Delta value={result.downtimeS} base={d?.downtimeS} format={signedDuration} />
          </td>
          <td data-testid="pin-iterations">
            {result.iterations} <Delta value={result.iterations} base={d?.iterations} format={signed(String)} relative={false} />
          </td>
          <td data-testid="pin-data-sent">
            {formatGiB(bytes)} <Delta value={bytes} base={d && baseBytes} format={signed(formatGiB)} />
          </td>
        </>
      ) : (
        <td colSpan={4} aria-busy="true">
          Computing…
        </td>
      )}
      <td className="compare__actions">
        <button type="button" className="button" onClick={() => applyPin(pin.id)}>
          Load<span className="visually-hidden"> {pin.name}</span>
        </button>
        <button type="button" className="button" onClick={remove}>
          Remove<span className="visually-hidden"> {pin.name}</span>
        </button>
      </td>
    </tr>
  );
}

function Ranking({ pins, runs }: { pins: Pin[]; runs: Record<string, RunResult> }) {
  const ready = pins.filter((p) => runs[p.id]).map((p) => ({ pin: p, id: p.id, migrationTimeS: runs[p.id].migrationTimeS, downtimeS: runs[p.id].downtimeS }));
  if (ready.length < 2) return null;
  const item = (c: (typeof ready)[number]) => (
    <li key={c.id} data-pin-name={c.pin.name}>
      <span className="compare__swatch" style={{ background: PIN_COLOURS[c.pin.colour].value }} aria-hidden="true" />
      {c.pin.name}: {shortDuration(c.migrationTimeS)} in all, {shortDuration(c.downtimeS)} down
      <span className="compare__scenario"> ({describe(c.pin)})</span>
    </li>
  );
  return (
    <div className="compare__ranking">
      <h3>Which VM first?</h3>
      <p>
        Seen as VMs on one host that must be moved one after another, migrate first the one that finishes soonest, and between two that take
        the same time (within 1 %), the one with less downtime; this frees the host quickest (the rule of “Performance Analysis during Live
        Migration”).
      </p>
      <div className="compare__orders">
        <div>
          <h4 id="rank-time">By total migration time, then downtime</h4>
          <ol aria-labelledby="rank-time" data-testid="rank-by-time">
            {rankByMigrationTime(ready).map(item)}
          </ol>
        </div>
        <div>
          <h4 id="rank-downtime">Alternative: by downtime, then migration time</h4>
          <ol aria-labelledby="rank-downtime" data-testid="rank-by-downtime">
            {rankByDowntime(ready).map(item)}
          </ol>
        </div>
      </div>
    </div>
  );
}

export function ComparePanel() {
  const pins = useApp((s) => s.pins);
  const runs = useApp((s) => s.pinRuns);
  const baselineId = useApp((s) => s.baselineId);
  const traced = useApp((s) => s.trace !== null || s.holdRuns);
  const pinCurrent = useApp((s) => s.pinCurrent);
  const [name, setName] = useState('');
  const full = pins.length >= MAX_PINS;
  const base = pins.find((p) => p.id === baselineId) ?? pins[0];
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (pinCurrent(name.trim() || undefined)) setName('');
  };
  return (
    <section className="compare" aria-labelledby="compare-heading">
      <h2 id="compare-heading">Compare scenarios</h2>
      <form className="compare__pin" onSubmit={onSubmit}>
        <label htmlFor="pin-name">Name</label>
        <input id="pin-name" value={name} maxLength={32} placeholder={defaultName(pins)} aria-describedby="pin-hint" onChange={(e) => setName(e.target.value)} disabled={full || traced} />
        <button type="submit" className="button button--primary" disabled={full || traced} aria-describedby="pin-hint">
          Pin this scenario
        </button>
        <span className="compare__hint" id="pin-hint" data-testid="pin-hint">
          {full
            ? `${MAX_PINS} pinned: remove one to pin another.`
            : traced
              ? 'Trace-driven runs cannot be pinned yet; choose a constant rate.'
              : `Keeps the current settings for comparison (up to ${MAX_PINS}); the pins are in the link, the baseline is not.`}
        </span>
      </form>
      {pins.length > 0 && (
        <div className="compare__table-wrap">
          <table className="compare__table" data-testid="pins-table">
            <caption className="visually-hidden">Pinned scenarios, with the difference to the baseline</caption>
            <thead>
              <tr>
                <th scope="col">Baseline</th>
                <th scope="col">Scenario</th>
                <th scope="col">Migration time</th>
                <th scope="col">Downtime</th>
                <th scope="col">Iterations</th>
                <th scope="col">Data sent</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pins.map((p) => (
                <PinRow key={p.id} pin={p} result={runs[p.id]} base={runs[base.id]} baseScenario={base.scenario} isBase={p.id === base.id} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Ranking pins={pins} runs={runs} />
    </section>
  );
}
