// The shown run as data files: one CSV row per iteration (d3-dsv), and JSON with the scenario, the
// trace and a format version so a reader can tell what it holds.
import { csvFormat } from 'd3';
import { FIELDS, MODEL_VERSION, describeScenario, runCounts, type IterationRecord, type RunCounts, type RunResult, type Scenario } from '../../model/index.ts';
import type { TraceRef } from './scenarioText.ts';

/** The CSV's columns about each iteration, in order, with their units. */
export const CSV_COLUMNS = ['iteration', 'phase', 'start (s)', 'end (s)', 'duration (s)', 'pages sent', 'pages skipped', 'pages dirtied', 'MiB sent'] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** After the iteration columns: the model version and every field of the scenario (same on each row). */
export const CSV_SCENARIO_COLUMNS: readonly string[] = ['model version', ...FIELDS.map((f) => `scenario ${f.flag}`)];

/** The count vocabulary's name for a record: live, stop-and-copy, switch-over (post-copy) or post-copy. */
function phase(it: IterationRecord, counts: RunCounts): string {
  if (it.phase === 'postcopy') return 'post-copy';
  return it.final ? counts.last : 'live';
}

/** One row per iteration record (the stop-and-copy and a post-copy phase included), then the scenario. */
export function resultCsv(result: RunResult, scenario: Scenario): string {
  const pageBytes = scenario.pageBytes;
  const counts = runCounts(result);
  const values = scenario as unknown as Record<string, unknown>;
  const scenarioCells: Record<string, string | number> = { 'model version': MODEL_VERSION };
  for (const f of FIELDS) scenarioCells[`scenario ${f.flag}`] = values[f.key] === null ? 'all' : String(values[f.key]);
  const rows = result.perIteration.map((it): Record<string, string | number> => ({
    iteration: it.iteration,
    phase: '',
    'start (s)': it.startS,
    'end (s)': it.endS,
    'duration (s)': it.endS - it.startS,
    'pages sent': it.pagesSent,
    'pages skipped': it.pagesSkipped,
    'pages dirtied': it.pagesDirtied,
    'MiB sent': (it.pagesSent * pageBytes) / 2 ** 20,
    ...scenarioCells,
  }));
  // The record's phase in the count vocabulary (docs/TEACHING.md): live, stop-and-copy, switch-over, post-copy.
  rows.forEach((row, i) => (row.phase = phase(result.perIteration[i], counts)));
  return csvFormat(rows, [...CSV_COLUMNS, ...CSV_SCENARIO_COLUMNS]);
}

export const RESULT_FORMAT = 'precopy-run';
export const RESULT_FORMAT_VERSION = 1;

export interface ResultFile {
  format: typeof RESULT_FORMAT;
  version: typeof RESULT_FORMAT_VERSION;
  /** The simulator that made the file (model/version.ts). */
  modelVersion: string;
  /** The scenario in words (model/words/describe.ts). */
  description: string;
  scenario: Scenario;
  /** The counts in the shared vocabulary: iterations (the last included), live ones, what the last is. */
  counts: RunCounts;
  /** The trace that drove the dirty rate, or null for the scenario's constant rate. */
  trace: (TraceRef & { file: string | null }) | null;
  result: RunResult;
}

export function resultJson(scenario: Scenario, result: RunResult, trace: TraceRef | null): string {
  const file: ResultFile = {
    format: RESULT_FORMAT,
    version: RESULT_FORMAT_VERSION,
    modelVersion: MODEL_VERSION,
    description: describeScenario(scenario, trace),
    scenario,
    counts: runCounts(result),
    trace: trace ? { ...trace, file: trace.kind === 'shipped' ? `public/traces/${trace.name}.csv` : null } : null,
    result,
  };
  return JSON.stringify(file, null, 2) + '\n';
}
