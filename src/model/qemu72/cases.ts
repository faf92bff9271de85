// The shared QEMU 7.2 measurements as cases: the repeats of one case grouped, their medians, and the
// scenario that describes the case to the model (the `qemu` policy on a sequential writer).
import { DEFAULT_SCENARIO, type Scenario } from '../scenario.ts';
import { QEMU72_RUNS } from './runs.ts';
import type { Qemu72Run } from './types.ts';

/**
 * The link the model is given: about the speed of the un-capped stop-and-copy on loopback (the
 * calibration case ran 0.5–2.7 GB/s; max-bandwidth caps everything else far below it).
 */
export const QEMU72_LINK_MBPS = 10_000;

/** Share of a vCPU each measured writer needs: the clock-paced one sleeps between writes, the cpu-bound one spins. */
export const WRITER_CPU: Record<string, number> = { 'clock-paced': 0.01, 'cpu-bound': 1 };

export interface Qemu72Case {
  name: string;
  runs: readonly Qemu72Run[];
  /** A case that could not converge: QEMU cancelled it after `cancelAfterS`. */
  stalled: boolean;
  /** The link-calibration case (no cap): it measures the loopback, not the loop. */
  calibration: boolean;
  scenario: Scenario;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function scenarioOf(run: Qemu72Run): Scenario {
  return {
    ...DEFAULT_SCENARIO,
    policy: 'qemu',
    pattern: 'sequential',
    vmMiB: run.vmMiB,
    wssPages: run.wssPages,
    maxBandwidthMiBps: run.maxBandwidthMiBps,
    dirtyRate: run.dirtyRate,
    downtimeLimitMs: run.downtimeLimitMs,
    autoConverge: run.autoConverge,
    writerCpu: WRITER_CPU[run.writer] ?? 1,
    linkMbps: QEMU72_LINK_MBPS,
    timeoutS: run.cancelAfterS,
    preS: 0,
    postS: 0,
  };
}

function casesOf(runs: readonly Qemu72Run[]): Qemu72Case[] {
  const byName = new Map<string, Qemu72Run[]>();
  for (const run of runs) byName.set(run.case, [...(byName.get(run.case) ?? []), run]);
  return [...byName].map(([name, group]) => ({
    name,
    runs: group,
    stalled: group.every((r) => r.status === 'cancelled'),
    calibration: name.endsWith('-linkcal'),
    scenario: scenarioOf(group[0]),
  }));
}

export const QEMU72_CASES: readonly Qemu72Case[] = casesOf(QEMU72_RUNS);
