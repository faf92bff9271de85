// Whether the charts may follow the teaching mode's player: only while its replay is loaded for the
// very run the charts show (same scenario, same trace), so a highlight never points into another run.
import type { Scenario } from '../../model/index.ts';
import type { EventsSummary } from './replayBridge.ts';

/** Field by field (the worker's copy of a scenario is validated, so not the same object). */
export function sameScenario(a: Scenario, b: Scenario): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof Scenario)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.is(a[k], b[k]));
}

/** The replay `summary` (null: none loaded) is of the run of `scenario` with trace `traceId`. */
export function replayMatches(summary: Pick<EventsSummary, 'scenario' | 'traceId'> | null, scenario: Scenario, traceId: string | null): boolean {
  return summary !== null && summary.traceId === traceId && sameScenario(summary.scenario, scenario);
}
