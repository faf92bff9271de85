// The migration policy, one radio button each with its one-line description; the policy's own
// parameters (stop conditions, downtime limit, auto-converge…) are under Advanced.
import { POLICIES, POLICY_TEXT, type PolicyName } from '../../model/index.ts';
import { POLICY_NAME } from '../policyNames.ts';
import { useApp } from '../state/store.ts';

export function PolicyPicker() {
  const policy = useApp((s) => s.scenario.policy);
  const setField = useApp((s) => s.setField);
  return (
    <fieldset className="group policy-picker">
      <legend>Migration policy</legend>
      {POLICIES.map((p) => (
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
            {POLICY_TEXT[p]}.
          </p>
        </div>
      ))}
      <p className="field__hint">Each policy's own settings (stop conditions, downtime limit, auto-converge) are in the collapsible group at the bottom.</p>
    </fieldset>
  );
}
