// The shown run as data files: one CSV row per iteration (d3-dsv), and JSON with the scenario, the
// trace and a format version so a reader can tell what it holds.
import { csvFormat } from 'd3';
import type { IterationRecord, RunResult, Scenario } from '../../model/index.ts';
import type { TraceRef } from './scenarioText.ts';

/** The CSV's columns, in order, with their units. */
export const CSV_COLUMNS = ['iteration', 'phase', 'start (s)', 'end (s)', 'duration (s)', 'pages sent', 'pages skipped', 'pages dirtied', 'MiB sent'] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

function phase(it: IterationRecord): string {
  if (it.phase === 'postcopy') return 'post-copy';
  return it.final ? 'stop-and-copy' : 'pre-copy';
}

/** One row per iteration record (the stop-and-copy and a post-copy phase included). */
export function resultCsv(result: RunResult, pageBytes: number): string {
  const rows = result.perIteration.map((it): Record<CsvColumn, string | number> => ({
    iteration: it.iteration,
    phase: phase(it),
    'start (s)': it.startS,
    'end (s)': it.endS,
    'duration (s)': it.endS - it.startS,
    'pages sent': it.pagesSent,
    'pages skipped': it.pagesSkipped,
    'pages dirtied': it.pagesDirtied,
    'MiB sent': (it.pagesSent * pageBytes) / 2 ** 20,
  }));
  return csvFormat(rows, [...CSV_COLUMNS]);
}

export const RESULT_FORMAT = 'precopy-run';
export const RESULT_FORMAT_VERSION = 1;

export interface ResultFile {
  format: typeof RESULT_FORMAT;
  version: typeof RESULT_FORMAT_VERSION;
  scenario: Scenario;
  /** The trace that drove the dirty rate, or null for the scenario's constant rate. */
  trace: (TraceRef & { file: string | null }) | null;
  result: RunResult;
}

export function resultJson(scenario: Scenario, result: RunResult, trace: TraceRef | null): string {
  const file: ResultFile = {
    format: RESULT_FORMAT,
    version: RESULT_FORMAT_VERSION,
    scenario,
    trace: trace ? { ...trace, file: trace.kind === 'shipped' ? `public/traces/${trace.name}.csv` : null } : null,
    result,
  };
  return JSON.stringify(file, null, 2) + '\n';
}
