// Scenarios from the papers: each a real link (?preset=<id>, so it can be shared or opened in a new
// tab), applied in place on a plain click. A compact picker (a disclosure) on the workbench: its summary
// names the applied preset; open, it lists them all with the applied one's description.
import type { MouseEvent } from 'react';
import { PRESETS } from '../../model/presets.ts';
import { presetQuery } from '../state/url.ts';
import { presetById, sameScenario, useApp } from '../state/store.ts';
import { clampScenario } from '../state/url.ts';
import { WithTerms } from '../teach/WithTerms.tsx';

/** Each preset's scenario as the app applies it, and its link: computed once, not on every slider tick. */
const APPLIED = new Map(PRESETS.map((p) => [p.id, { scenario: clampScenario(p.scenario), href: `?${presetQuery(p.id)}` }]));

export function Presets() {
  const presetId = useApp((s) => s.presetId);
  // A boolean: dragging a slider re-renders the list only when "(edited)" appears.
  const edited = useApp((s) => {
    const applied = s.presetId === null ? undefined : APPLIED.get(s.presetId);
    return applied !== undefined && !sameScenario(applied.scenario, s.scenario);
  });
  const applyPreset = useApp((s) => s.applyPreset);
  const active = presetById(presetId);

  const onClick = (e: MouseEvent<HTMLAnchorElement>, id: string) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return; // new tab etc.
    e.preventDefault();
    applyPreset(id);
  };

  return (
    <details className="presets">
      <summary className="presets__summary">
        <h2 id="presets-heading">Presets from the papers</h2>
        <span className="presets__current">{active ? `${active.title}${edited ? ' (edited)' : ''}` : 'none applied'}</span>
      </summary>
      <ul className="presets__list">
        {PRESETS.map((p) => (
          <li key={p.id}>
            <a
              className="chip"
              href={APPLIED.get(p.id)!.href}
              aria-current={p.id === presetId ? 'true' : undefined}
              title={p.source}
              onClick={(e) => onClick(e, p.id)}
            >
              {p.title}
            </a>
          </li>
        ))}
      </ul>
      <p className="presets__description" aria-live="polite">
        {active ? (
          <>
            <strong>{active.title}</strong>
            {edited ? <span className="presets__edited"> (edited)</span> : null}. <WithTerms text={active.description} detached />{' '}
            <span className="presets__source">Source: {active.source}.</span>
          </>
        ) : (
          'Pick a preset to load a scenario from the papers, or set your own with the controls.'
        )}
      </p>
    </details>
  );
}
