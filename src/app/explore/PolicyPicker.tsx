// The migration policy, one radio button each with its one-line description; the policy's own
// parameters (stop conditions, downtime limit, auto-converge…) are under Advanced. The descriptions'
// domain words are glossary terms, each marked where it first appears in the picker (one tab stop per
// term, not one per description).
import { POLICIES, POLICY_TEXT, type PolicyName } from '../../model/index.ts';
import { POLICY_NAME } from '../policyNames.ts';
import type { GlossaryTerm } from '../teach/glossary.ts';
import { TermRuns, termParts } from '../teach/WithTerms.tsx';
import { useApp } from '../state/store.ts';

export function PolicyPicker() {
  const policy = useApp((s) => s.scenario.policy);
  const setField = useApp((s) => s.setField);
  const seen = new Set<GlossaryTerm>();
  const texts = POLICIES.map((p) => termParts(`${POLICY_TEXT[p]}.`, seen));
  const hint = termParts("Each policy's own settings (stop conditions, downtime limit, auto-converge) are in the collapsible group at the bottom.", seen);
  return (
    <fieldset className="group policy-picker">
      <legend>Migration policy</legend>
      {POLICIES.map((p, i) => (
        <div className="policy-option" key={p}>
          <input
            type="radio"
            id={`ctl-policy-${p}`}
            name="policy"
            value={p}
            checked={policy === p}
            onChange={(e) => e.currentTarget.checked && setField('policy', p as PolicyName)}
            aria-describedby={`ctl-policy-${p}-text`}
          />
          <label htmlFor={`ctl-policy-${p}`}>{POLICY_NAME[p]}</label>
          <p className="policy-option__text" id={`ctl-policy-${p}-text`}>
            <TermRuns parts={texts[i]} />
          </p>
        </div>
      ))}
      <p className="field__hint">
        <TermRuns parts={hint} />
      </p>
    </fieldset>
  );
}
