// The app's own first screen: pre-copy visibly iterating (1 GiB on a 1 Gbps link at 15,000 pages/s
// gives several live iterations before the stop-and-copy), used only when the link names no scenario.
// DEFAULT_SCENARIO (the CLI's and the tests' default) is not changed; links carry every field, so old
// links open exactly what they opened before.
import { DEFAULT_SCENARIO, FIELDS, type Scenario } from '../../model/index.ts';

export const START_SCENARIO: Readonly<Scenario> = Object.freeze({ ...DEFAULT_SCENARIO, vmMiB: 1024, linkMbps: 935, dirtyRate: 15_000 });

const SCENARIO_KEYS = new Set<string>([...FIELDS.map((f) => f.flag), 'preset', 'trace', 'pin', 'v']);

/** Whether a query (and hash) names any part of a scenario (a field, a preset, a trace or a pin). */
export function namesScenario(search: string, hash = ''): boolean {
  const keys = [...new URLSearchParams(search).keys(), ...(hash.includes('=') ? new URLSearchParams(hash.slice(1)).keys() : [])];
  return keys.some((k) => SCENARIO_KEYS.has(k));
}
