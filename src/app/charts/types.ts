// The data each chart takes. Charts are pure views: they get results, never run the simulator.
import type { PolicyName, RunResult, Scenario, SweepPoint } from '../../model/index.ts';

/** One curve of the downtime / migration-time chart: one link speed over the swept dirty rates. */
export interface CurveSeries {
  /** Optional stable id (the sweep's cache id); keys fall back to link, policy and `current`. */
  id?: string;
  /**
   * The policy this curve was computed with, when policies are compared: a series whose policy is set
   * and that is not `current` is drawn dashed (POLICY_DASH) in its link's colour, without bounds.
   */
  policy?: PolicyName;
  linkMbps: number;
  /** e.g. "1 Gbps (935 Mbit/s)" or "Current link (2500 Mbit/s)". */
  label: string;
  /** Points sorted by rate; may be partial while the sweep fills in (coarse first). */
  points: SweepPoint[];
  /** The series of the scenario's own link speed (drawn emphasised). */
  current: boolean;
  /**
   * A pinned scenario's curve (compare mode): drawn in its own colour, dotted, without bounds, with
   * a small marker at the pin's own dirty rate once its run is known.
   */
  pin?: { colour: string; rate: number; result?: { migrationTimeS: number; downtimeS: number } };
}

export interface IterationChartProps {
  result: RunResult;
}

export interface CurvesChartProps {
  /** The scenario the curves were computed for (VM size, overheads, page size; its rate is the marker). */
  scenario: Scenario;
  series: CurveSeries[];
  /** The current single run, for the marker; null while it is computing. */
  result: RunResult | null;
}

export interface TimelineChartProps {
  scenario: Scenario;
  result: RunResult;
}
