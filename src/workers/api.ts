// What the simulator worker does, as plain functions (so Vitest can call them without a worker).
// Every scenario crossing the boundary is validated by the model's one schema.
import { POLICIES, simulate, sweepPoint, validateScenario, type PolicyName, type RunResult, type Scenario, type SweepPoint } from '../model/index.ts';
import type { StartPoint } from '../app/charts/startSweep.ts';
import { installTrace, loadTrace, traceById } from './traces.ts';

/** One point of a sweep to compute: a link goodput (Mbit/s), a dirty rate (pages/s), and a policy other than the base's. */
export type SweepTask = readonly [linkMbps: number, rate: number, policy?: PolicyName];

/** One point of a start-time sweep: the trace time the migration starts at (s), and optionally a policy. */
export type StartTask = readonly [startS: number, policy?: PolicyName];

/** A run's headline numbers, for comparisons. */
export type RunHeadline = Pick<RunResult, 'migrationTimeS' | 'downtimeS' | 'iterations' | 'stopReason'>;

export interface RunOutput {
  result: RunResult;
  /** With a vCPU limit below 1: the same scenario without it, to show what the limit saves. */
  unlimited: RunHeadline | null;
}

/** One migration of a start-time sweep (the charts' StartPoint). */
export type { StartPoint } from '../app/charts/startSweep.ts';

function checked(input: unknown): Scenario {
  if (typeof input !== 'object' || input === null) throw new TypeError('scenario must be an object');
  const v = validateScenario(input as Partial<Record<keyof Scenario, unknown>>);
  if (!v.ok) throw new RangeError(v.issues.map((i) => `${i.field.flag} ${i.message}`).join('; '));
  return v.scenario;
}

function checkedPolicy(policy: unknown, fallback: PolicyName): PolicyName {
  if (policy === undefined) return fallback;
  if (!(POLICIES as readonly unknown[]).includes(policy)) throw new RangeError(`unknown policy ${String(policy).slice(0, 20)}`);
  return policy as PolicyName;
}

const headline = (r: RunResult): RunHeadline => ({ migrationTimeS: r.migrationTimeS, downtimeS: r.downtimeS, iterations: r.iterations, stopReason: r.stopReason });

/** One run, with the dirty rate from the trace kept under `traceId` when one is given. */
export function run(scenario: unknown, traceId: string | null = null): RunOutput {
  const s = checked(scenario);
  const trace = traceId === null ? undefined : traceById(traceId);
  const result = simulate(s, trace);
  const unlimited = s.vcpuLimit < 1 ? headline(simulate({ ...s, vcpuLimit: 1 }, trace)) : null;
  return { result, unlimited };
}

/**
 * Computes sweep points in order until `budgetMs` has passed (at least one), so the client gets
 * control back often: it can drop the rest when the scenario changes, and show partial curves.
 */
export function sweepChunk(base: unknown, tasks: readonly SweepTask[], budgetMs: number): SweepPoint[] {
  const scenario = checked(base);
  const started = performance.now();
  const points: SweepPoint[] = [];
  for (const [link, rate, policy] of tasks) {
    if (!(link > 0 && link <= 1e6 && rate >= 0 && rate <= 1e9)) throw new RangeError(`bad sweep point ${link} Mbit/s, ${rate} pages/s`);
    points.push(sweepPoint({ ...scenario, policy: checkedPolicy(policy, scenario.policy) }, link, rate));
    if (performance.now() - started >= budgetMs) break;
  }
  return points;
}

/** The same for a start-time sweep over the trace kept under `traceId` (Akoush Table IV). */
export function startSweepChunk(base: unknown, traceId: string, tasks: readonly StartTask[], budgetMs: number): StartPoint[] {
  const scenario = checked(base);
  const trace = traceById(traceId);
  const started = performance.now();
  const points: StartPoint[] = [];
  for (const [startS, policy] of tasks) {
    if (!(startS >= 0 && startS <= 1e9)) throw new RangeError(`bad start time ${startS} s`);
    const r = simulate({ ...scenario, policy: checkedPolicy(policy, scenario.policy), traceStartS: startS }, trace);
    points.push({ startS, migrationTimeS: r.migrationTimeS, downtimeS: r.downtimeS, iterations: r.iterations, pagesSent: r.pagesSent });
    if (performance.now() - started >= budgetMs) break;
  }
  return points;
}

export const simulatorApi = { run, sweepChunk, startSweepChunk, loadTrace, installTrace };
