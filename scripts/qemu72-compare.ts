// The model against the shared QEMU 7.2 measurements, case by case (medians of the repeats): total
// time, data sent, downtime, sync count and verdict. Run: npx tsx scripts/qemu72-compare.ts [--md]
import { QEMU72_CASES, median } from '../src/model/qemu72/cases.ts';
import { simulate } from '../src/model/simulate.ts';

const md = process.argv.includes('--md');
const head = ['case', 'QEMU total s', 'model', 'QEMU data MB', 'model', 'QEMU downtime ms', 'model', 'QEMU syncs', 'model', 'QEMU verdict', 'model'];
const rows = QEMU72_CASES.map((c) => {
  const r = simulate(c.scenario);
  const s = c.scenario;
  const q = (f: (x: (typeof c.runs)[number]) => number | null) => median(c.runs.map(f).filter((v): v is number => v !== null));
  const stalledModel = r.stopReason === 'no-convergence';
  return [
    c.name,
    (q((x) => x.totalTimeMs) / 1000).toFixed(2),
    r.migrationTimeS.toFixed(2),
    (q((x) => x.transferredBytes) / 1e6).toFixed(0),
    ((r.pagesSent * s.pageBytes) / 1e6).toFixed(0),
    c.stalled ? `(needs ${q((x) => x.lastExpectedDowntimeMs)})` : q((x) => x.downtimeMs).toFixed(0),
    stalledModel ? `(needs ${((r.requiredDowntimeS ?? 0) * 1000).toFixed(0)})` : (r.downtimeS * 1000).toFixed(0),
    String(q((x) => x.syncs)),
    (r as { syncs?: number }).syncs === undefined ? '–' : String((r as { syncs?: number }).syncs),
    c.stalled ? 'stall' : 'converged',
    stalledModel ? 'stall' : 'converged',
  ];
});
if (md) {
  console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
} else console.table(rows.map((row) => Object.fromEntries(head.map((h, i) => [`${i} ${h}`, row[i]]))));
