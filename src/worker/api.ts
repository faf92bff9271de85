// What the simulator worker does, as plain functions (so Vitest can call them without a worker).
// Every scenario crossing the boundary is validated by the model's one schema.
import { simulate, sweepPoint, validateScenario, type RunResult, type Scenario, type SweepPoint } from '../model/index.ts';

/** One point of a sweep to compute: a link goodput (Mbit/s) and a dirty rate (pages/s). */
export type SweepTask = readonly [linkMbps: number, rate: number];

function checked(input: unknown): Scenario {
  if (typeof input !== 'object' || input === null) throw new TypeError('scenario must be an object');
  const v = validateScenario(input as Partial<Record<keyof Scenario, unknown>>);
  if (!v.ok) throw new RangeError(v.issues.map((i) => `${i.field.flag} ${i.message}`).join('; '));
  return v.scenario;
}

export function run(scenario: unknown): RunResult {
  return simulate(checked(scenario));
}

/**
 * Computes sweep points in order until `budgetMs` has passed (at least one), so the client gets
 * control back often: it can drop the rest when the scenario changes, and show partial curves.
 */
export function sweepChunk(base: unknown, tasks: readonly SweepTask[], budgetMs: number): SweepPoint[] {
  const scenario = checked(base);
  const started = performance.now();
  const points: SweepPoint[] = [];
  for (const [link, rate] of tasks) {
    if (!(link > 0 && link <= 1e6 && rate >= 0 && rate <= 1e9)) throw new RangeError(`bad sweep point ${link} Mbit/s, ${rate} pages/s`);
    points.push(sweepPoint(scenario, link, rate));
    if (performance.now() - started >= budgetMs) break;
  }
  return points;
}

export const simulatorApi = { run, sweepChunk };
