// What a run reports beyond the four headline numbers, in words for the summary: auto-converge's
// throttle steps, CPU the writer lost, QEMU's failed convergence, post-copy's remote faults and degraded
// time, and what a vCPU limit saved against the same run without it. Pure.
import type { RunResult, Scenario } from '../../model/index.ts';
import type { RunHeadline } from '../../workers/api.ts';
import { formatDuration, formatShare } from '../../model/words/format.ts';
import { formatPages } from '../charts/format.ts';

export interface Fact {
  /** The value's data-testid. */
  id: 'throttle' | 'cpu-lost' | 'required-downtime' | 'remote-faults' | 'degraded-time' | 'time-saved' | 'syncs';
  label: string;
  value: string;
  note: string;
}

const pct = formatShare;

/** "314 ms" below a second, "13.3 s" above: the shared duration format (model/words/format.ts). */
export function shortDuration(seconds: number): string {
  return formatDuration(seconds);
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
    note: steps.map((s) => `${pct(s.throttle)} from ${formatDuration(s.atS)}`).join(', '),
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
    value: `needed ${shortDuration(r.requiredDowntimeS)} of downtime (limit ${formatDuration(s.downtimeLimitMs / 1000)})`,
    note: `The ${formatDuration(s.timeoutS)} timeout expired during iteration ${Math.max(1, r.iterations - 1)}: the guest was paused then, as libvirt's timeout does, and the rest of that pass went in the stop-and-copy.`,
  };
}

/** QEMU: its dirty-sync-count beside the passes, so a run can be set against `info migrate`. */
export function syncsFact(r: RunResult): Fact | null {
  if (r.syncs === undefined) return null;
  return {
    id: 'syncs',
    label: 'Passes and syncs',
    value: `${r.iterations} iterations (passes), ${r.syncs} syncs`,
    note: 'Iterations are passes over the dirty bitmap, the stop-and-copy included. Syncs are QEMU\'s dirty-sync-count (info migrate): one at setup, one as each pass ends, the end game\'s extra ones and one at completion.',
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
      'vCPU limit (a slower writer leaves less for the stop-and-copy); the vCPU-limit paper measured a small rise.',
  };
}

/** Every fact the run has, in the order the summary shows them. */
export function policyFacts(s: Scenario, r: RunResult, unlimited: RunHeadline | null): Fact[] {
  return [timeSavedFact(s, r, unlimited), cpuLostFact(s, r), throttleFact(r), requiredDowntimeFact(s, r), ...postcopyFacts(r), syncsFact(r)].filter((f): f is Fact => f !== null);
}
