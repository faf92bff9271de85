// The measured QEMU 7.2 migrations that match a scenario, as points for the curves chart (dirty rate
// against downtime and total time). A scenario matches when it describes the same experiment apart
// from the dirty rate: the qemu policy, the sequential writer over the same working set, the same VM,
// cap, downtime limit, auto-converge and writer CPU, and no pre/post overheads (QEMU's times have none).
import type { Scenario } from '../scenario.ts';
import { QEMU72_CASES, scenarioOf } from './cases.ts';

export interface MeasuredPoint {
  case: string;
  rep: number;
  rate: number;
  /** Null when QEMU could not converge (cancelled): no downtime, and the total is the cancel time. */
  downtimeS: number | null;
  migrationTimeS: number;
}

const SAME: readonly (keyof Scenario)[] = ['policy', 'pattern', 'vmMiB', 'wssPages', 'maxBandwidthMiBps', 'downtimeLimitMs', 'autoConverge', 'writerCpu', 'preS', 'postS', 'pageBytes'];

export function measuredPointsFor(s: Scenario): MeasuredPoint[] {
  return QEMU72_CASES.filter((c) => !c.calibration).flatMap((c) =>
    c.runs
      .filter((run) => SAME.every((key) => scenarioOf(run)[key] === s[key]))
      .map((run) => ({
        case: c.name,
        rep: run.rep,
        rate: run.dirtyRate,
        downtimeS: run.status === 'completed' && run.downtimeMs !== null ? run.downtimeMs / 1000 : null,
        migrationTimeS: run.totalTimeMs / 1000,
      })),
  );
}

/** A measured case's scenario, to load into the app (its first repeat's settings). */
export function measuredScenarios(): { name: string; scenario: Scenario }[] {
  return QEMU72_CASES.filter((c) => !c.calibration).map((c) => ({ name: c.name, scenario: c.scenario }));
}
