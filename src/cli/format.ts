// Text and JSON output of the command line.
import { csvFormat, format } from 'd3';
import {
  STOP_REASON_TEXT,
  bounds,
  dirtyRateMBps,
  linkPagesPerSecond,
  pagesOf,
  type RunResult,
  type Scenario,
  type SweepPoint,
} from '../model/index.ts';

const count = format(',.0f');
const seconds = (s: number) => (s >= 100 ? format(',.1f')(s) : format('.4~r')(s));
const fixed3 = format('.3f');

export function jsonLine(scenario: Scenario, result: RunResult): string {
  return JSON.stringify({ scenario, result });
}

export function summaryText(s: Scenario, r: RunResult): string {
  const pages = pagesOf(s.vmMiB, s.pageBytes);
  const b = bounds(s);
  const gib = (r.pagesSent * s.pageBytes) / 2 ** 30;
  const workingSet = s.wssPages === null ? '' : `, working set ${count(s.wssPages)} pages`;
  const lines = [
    `Pre-copy migration, Xen legacy policy${s.pattern === 'sequential' ? '' : ' (expected values over random writes)'}`,
    `  VM          ${count(s.vmMiB)} MiB = ${count(pages)} pages of ${count(s.pageBytes)} B`,
    `  Link        ${format(',.4~r')(s.linkMbps)} Mbit/s goodput = ${count(linkPagesPerSecond(s.linkMbps, s.pageBytes))} pages/s`,
    `  Dirty rate  ${count(s.dirtyRate)} pages/s = ${format(',.4~r')(dirtyRateMBps(s.dirtyRate, s.pageBytes))} MB/s, ${s.pattern}${workingSet}`,
    '',
    `  Migration time  ${seconds(r.migrationTimeS)} s    (bounds ${seconds(b.migrationTimeS.lower)} to ${seconds(b.migrationTimeS.upper)} s)`,
    `  Downtime        ${seconds(r.downtimeS)} s    (bounds ${seconds(b.downtimeS.lower)} to ${seconds(b.downtimeS.upper)} s)`,
    `  Iterations      ${r.iterations}, stopped by: ${STOP_REASON_TEXT[r.stopReason]} (${r.stopReason})`,
    `  Data sent       ${count(r.pagesSent)} pages = ${format('.3~f')(gib)} GiB = ${format('.2f')(r.pagesSent / pages)} x VM`,
    '',
    table(r),
  ];
  return lines.join('\n');
}

function table(r: RunResult): string {
  const header = ['iter', 'start s', 'end s', 'sent', 'skipped', 'dirtied', ''];
  const rows = r.perIteration.map((it) => [
    String(it.iteration),
    fixed3(it.startS),
    fixed3(it.endS),
    count(it.pagesSent),
    count(it.pagesSkipped),
    it.final ? '-' : count(it.pagesDirtied),
    it.final ? 'stop-and-copy (VM paused)' : '',
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
