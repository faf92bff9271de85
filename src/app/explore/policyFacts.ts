// What a run reports beyond the four headline numbers, in words for the summary: auto-converge's
// throttle steps, CPU the writer lost, QEMU's failed convergence, post-copy's remote faults and degraded
// time, and what a vCPU limit saved against the same run without it. Pure.
import type { RunResult, Scenario } from '../../model/index.ts';
import type { RunHeadline } from '../../workers/api.ts';
import { formatPages, formatSeconds } from '../charts/format.ts';

export interface Fact {
  /** The value's data-testid. */
  id: 'throttle' | 'cpu-lost' | 'required-downtime' | 'remote-faults' | 'degraded-time' | 'time-saved';
  label: string;
  value: string;
  note: string;
}

const pct = (x: number) => `${Number((x * 100).toPrecision(3))} %`;

/** "314 ms" below a second, "13.3 s" above. */
export function shortDuration(seconds: number): string {
  return Math.abs(seconds) < 1 ? `${formatSeconds(seconds * 1000)} ms` : `${formatSeconds(seconds)} s`;
}

/** A signed change: "+12 ms", "−541 ms", "no change". */
export function signedDuration(deltaS: number): string {
  if (Math.abs(deltaS) < 5e-7) return 'no change';
  return `${deltaS > 0 ? '+' : '−'}${shortDuration(Math.abs(deltaS))}`;
}

export function throttleFact(r: RunResult): Fact | null {
  if (!r.throttle) return null;
  const steps = r.throttle;
  if (steps.length === 0) return { id: 'throttle', label: 'Auto-converge', value: 'never throttled', note: 'The guest never dirtied more than half of what was sent in a period twice in a row.' };
  const last = steps[steps.length - 1];
  return {
    id: 'throttle',
    label: 'Auto-converge throttle',
    value: `${steps.length} step${steps.length === 1 ? '' : 's'}, up to ${pct(last.throttle)}`,
    note: steps.map((s) => `${pct(s.throttle)} from ${formatSeconds(s.atS)} s`).join(', '),
  };
}

export function cpuLostFact(s: Scenario, r: RunResult): Fact | null {
  if (r.guestCpuLostS === undefined) return null;
  const why = [s.vcpuLimit < 1 ? `held to ${pct(s.vcpuLimit)} of a vCPU` : '', r.throttle?.length ? 'throttled by auto-converge' : ''].filter(Boolean).join(' and ');
  return {
    id: 'cpu-lost',
    label: 'Writer CPU lost',
    value: shortDuration(r.guestCpuLostS),
    note: `CPU time the writing process went without while it was ${why || 'limited'}: the application's quality paid for the migration.`,
  };
}

export function requiredDowntimeFact(s: Scenario, r: RunResult): Fact | null {
  if (r.stopReason !== 'no-convergence' || r.requiredDowntimeS === undefined) return null;
  return {
    id: 'required-downtime',
    label: 'Did not converge',
    value: `needed ${shortDuration(r.requiredDowntimeS)} of downtime (limit ${formatSeconds(s.downtimeLimitMs)} ms)`,
    note: `After ${formatSeconds(s.timeoutS)} s of pre-copy the switch-over was forced, as libvirt's timeout does.`,
  };
}

export function postcopyFacts(r: RunResult): Fact[] {
  const facts: Fact[] = [];
  if (r.remoteFaults !== undefined) {
    facts.push({
      id: 'remote-faults',
      label: 'Remote faults',
      value: `${formatPages(r.remoteFaults)} pages`,
      note: 'Pages the guest touched at the destination before they had arrived, each fetched on demand.',
    });
  }
  if (r.degradedS !== undefined) {
    facts.push({
      id: 'degraded-time',
      label: 'Degraded after resuming',
      value: shortDuration(r.degradedS),
      note: 'The guest ran at the destination before all of its working set had arrived.',
    });
  }
  return facts;
}

/** What the vCPU limit bought: the run against the same run without the limit. */
export function timeSavedFact(s: Scenario, r: RunResult, unlimited: RunHeadline | null): Fact | null {
  if (!unlimited || !(s.vcpuLimit < 1)) return null;
  const saved = unlimited.migrationTimeS - r.migrationTimeS;
  const share = unlimited.migrationTimeS > 0 ? saved / unlimited.migrationTimeS : 0;
  const value = saved >= 0 ? `${shortDuration(saved)} (${pct(share)})` : `none: ${shortDuration(-saved)} longer`;
  return {
    id: 'time-saved',
    label: 'Migration time saved by the vCPU limit',
    value,
    note:
      `For ${pct(1 - s.vcpuLimit)} less CPU for the writer: ${shortDuration(unlimited.migrationTimeS)} without the limit, ` +
      `${shortDuration(r.migrationTimeS)} with it; downtime changed by ${signedDuration(r.downtimeS - unlimited.downtimeS)} ` +
      `(${shortDuration(unlimited.downtimeS)} → ${shortDuration(r.downtimeS)}). The model cannot raise downtime under a ` +
      'vCPU limit (a slower writer leaves less for the last round); the vCPU-limit paper measured a small rise.',
  };
}

/** Every fact the run has, in the order the summary shows them. */
export function policyFacts(s: Scenario, r: RunResult, unlimited: RunHeadline | null): Fact[] {
  return [timeSavedFact(s, r, unlimited), cpuLostFact(s, r), throttleFact(r), requiredDowntimeFact(s, r), ...postcopyFacts(r)].filter((f): f is Fact => f !== null);
}
