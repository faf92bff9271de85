// Text and JSON output of the command line.
import { csvFormat, format } from 'd3';
import {
  STOP_REASON_TEXT,
  POLICY_TEXT,
  bounds,
  dirtyRateMBps,
  sendPagesPerSecond,
  pagesOf,
  type RunResult,
  type Scenario,
  type StartSweep,
  type SweepRange,
  type Trace,
  type SweepPoint,
  describeScenario,
  effectiveRateText,
} from '../model/index.ts';

const count = format(',.0f');
const seconds = (s: number) => (s >= 100 ? format(',.1f')(s) : format('.4~r')(s));
const fixed3 = format('.3f');

export function jsonLine(scenario: Scenario, result: RunResult, extra: object = {}): string {
  return JSON.stringify({ scenario, result, ...extra });
}

/** The range over migration start times of a trace-driven run (Akoush Table IV). */
export function startSweepText(file: string, trace: Trace, sweep: StartSweep<RunResult>): string {
  const range = (r: SweepRange) => `${seconds(r.min.value)} s (start ${seconds(r.min.atS)} s) to ${seconds(r.max.value)} s (start ${seconds(r.max.atS)} s)`;
  return [
    `Trace ${file}: ${count(trace.times.length)} rows over ${seconds(trace.endS)} s; over ${sweep.points.length} start times:`,
    `  Migration time  ${range(sweep.migrationTimeS)}`,
    `  Downtime        ${range(sweep.downtimeS)}`,
  ].join('\n');
}

export function summaryText(s: Scenario, r: RunResult, traceFile?: string): string {
  const pages = pagesOf(s.vmMiB, s.pageBytes);
  const b = bounds(s);
  // Eq. 3 and 4 are Xen's bounds; the other policies have their own stop rules.
  const within = (range: { lower: number; upper: number }) =>
    s.policy === 'xen' ? `    (bounds ${seconds(range.lower)} to ${seconds(range.upper)} s)` : '';
  const gib = (r.pagesSent * s.pageBytes) / 2 ** 30;
  const workingSet = s.wssPages === null ? '' : `, working set ${count(s.wssPages)} pages`;
  const lines = [
    `Pre-copy migration, policy ${s.policy}: ${POLICY_TEXT[s.policy]}`,
    // The app's one description and effective rate (src/model/words/describe.ts, effective-rate.ts).
    `  Settings    ${describeScenario(s, traceFile ? { kind: 'file', name: traceFile } : null)}`,
    ...(effectiveRateText(s) ? [`  Rate        ${effectiveRateText(s)}`] : []),
    ...(s.pattern === 'sequential' ? [] : ['  (random writes: expected values over all seeds; --exact for one seeded run)']),
    `  VM          ${count(s.vmMiB)} MiB = ${count(pages)} pages of ${count(s.pageBytes)} B`,
    `  Link        ${format(',.4~r')(s.linkMbps)} Mbit/s goodput; sends ${count(sendPagesPerSecond(s))} pages/s`,
    traceFile
      ? `  Dirty rate  from the trace ${traceFile}, migration starting at ${seconds(s.traceStartS)} s into it; ${s.pattern}${workingSet}`
      : `  Dirty rate  ${count(s.dirtyRate)} pages/s = ${format(',.4~r')(dirtyRateMBps(s.dirtyRate, s.pageBytes))} MB/s, ${s.pattern}${workingSet}`,
    '',
    `  Migration time  ${seconds(r.migrationTimeS)} s${within(b.migrationTimeS)}`,
    `  Downtime        ${seconds(r.downtimeS)} s${within(b.downtimeS)}`,
    `  Iterations      ${r.iterations}, stopped by: ${STOP_REASON_TEXT[r.stopReason]} (${r.stopReason})`,
    `  Data sent       ${count(r.pagesSent)} pages = ${format('.3~f')(gib)} GiB = ${format('.2f')(r.pagesSent / pages)} x VM`,
    ...policyLines(s, r),
    '',
    table(r),
  ];
  return lines.join('\n');
}

function policyLines(s: Scenario, r: RunResult): string[] {
  const lines: string[] = [];
  if (r.requiredDowntimeS !== undefined) lines.push(`  Needed downtime ${seconds(r.requiredDowntimeS)} s to switch over (limit ${count(s.downtimeLimitMs)} ms)`);
  if (r.stopReason === 'no-convergence') {
    const paused = r.perIteration[r.perIteration.length - 1].startS;
    lines.push(`  Timeout         expired at ${seconds(paused)} s, during iteration ${Math.max(1, r.iterations - 1)}: the guest was paused then`);
  }
  if (r.syncs !== undefined) lines.push(`  Syncs           ${r.syncs} (QEMU's dirty-sync-count; the iterations above are passes)`);
  if (r.throttle?.length) lines.push(`  Throttle        ${r.throttle.map((step) => `${format('.0%')(step.throttle)} at ${seconds(step.atS)} s`).join(', ')}`);
  if (r.remoteFaults !== undefined) lines.push(`  Post-copy       ${count(r.remoteFaults)} remote faults; guest degraded for ${seconds(r.degradedS ?? 0)} s after resuming`);
  if (r.guestCpuLostS !== undefined) lines.push(`  Guest CPU lost  ${seconds(r.guestCpuLostS)} s of the writer's vCPU`);
  return lines;
}

function table(r: RunResult): string {
  const header = ['iter', 'start s', 'end s', 'sent', 'skipped', 'dirtied', ''];
  const rows = r.perIteration.map((it) => [
    String(it.iteration),
    fixed3(it.startS),
    fixed3(it.endS),
    count(it.pagesSent),
    count(it.pagesSkipped),
    it.final || it.phase ? '-' : count(it.pagesDirtied),
    it.phase === 'postcopy' ? 'post-copy: pushed and faulted in (VM running at the destination)' : it.final ? 'stop-and-copy (VM paused)' : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export function sweepCsv(points: SweepPoint[]): string {
  return csvFormat(
    points.map((p) => ({
      link_mbps: p.linkMbps,
      rate: p.rate,
      migration_time_s: p.migrationTimeS,
      downtime_s: p.downtimeS,
      iterations: p.iterations,
      pages_sent: p.pagesSent,
    })),
    ['link_mbps', 'rate', 'migration_time_s', 'downtime_s', 'iterations', 'pages_sent'],
  );
}
