// Whether the charts may follow the teaching mode's player: only while its replay is loaded for the
// very run the charts show (same scenario, same trace), so a highlight never points into another run.
import type { Scenario } from '../../model/index.ts';
import { sameScenario } from '../state/store.ts';
import type { EventsSummary } from './replayBridge.ts';

export { sameScenario };

/** The replay `summary` (null: none loaded) is of the run of `scenario` with trace `traceId`. */
export function replayMatches(summary: Pick<EventsSummary, 'scenario' | 'traceId'> | null, scenario: Scenario, traceId: string | null): boolean {
  return summary !== null && summary.traceId === traceId && sameScenario(summary.scenario, scenario);
}
