// The model against the shared QEMU 7.2 measurements, case by case (medians of the repeats): every
// figure of src/model/qemu72/compare.ts with its verdict. Run: npx tsx scripts/qemu72-compare.ts
// With --summary: one line per case (the model's raw migration time, all data sent, downtime or the
// downtime it needed, syncs, verdict), the table docs/VALIDATION.md keeps as "after" (its "before" came
// from the same lines run on the model before issue 12, which had no syncs).
import { QEMU72_CASES, median } from '../src/model/qemu72/cases.ts';
import { compareCase } from '../src/model/qemu72/compare.ts';
import { simulate } from '../src/model/simulate.ts';

if (process.argv.includes('--summary')) {
  console.log('| case | QEMU total s | model | QEMU data MB | model | QEMU downtime ms | model | QEMU syncs | model | QEMU verdict | model |\n|---|---|---|---|---|---|---|---|---|---|---|');
  for (const c of QEMU72_CASES) {
    const r = simulate(c.scenario);
    const q = (f: (x: (typeof c.runs)[number]) => number | null) => median(c.runs.map(f).filter((v): v is number => v !== null));
    const stalled = r.stopReason === 'no-convergence';
    console.log(`| ${[
      c.name,
      (q((x) => x.totalTimeMs) / 1000).toFixed(2),
      r.migrationTimeS.toFixed(2),
      (q((x) => x.transferredBytes) / 1e6).toFixed(0),
      ((r.pagesSent * c.scenario.pageBytes) / 1e6).toFixed(0),
      c.stalled ? `(needs ${q((x) => x.lastExpectedDowntimeMs)})` : q((x) => x.downtimeMs).toFixed(0),
      stalled ? `(needs ${((r.requiredDowntimeS ?? 0) * 1000).toFixed(0)})` : (r.downtimeS * 1000).toFixed(0),
      String(q((x) => x.syncs)),
      r.syncs === undefined ? '–' : String(r.syncs),
      c.stalled ? 'stall' : 'converged',
      stalled ? 'stall' : 'converged',
    ].join(' | ')} |`);
  }
  process.exit(0);
}

const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));
console.log('| case | figure | QEMU (median) | QEMU range | model | error | ok |\n|---|---|---|---|---|---|---|');
let bad = 0;
for (const c of QEMU72_CASES) {
  for (const f of compareCase(c).figures) {
    if (!f.ok) bad++;
    const error = f.key === 'verdict' ? (f.ok ? 'same' : 'differs') : `${f.error >= 0 ? '+' : ''}${(f.error * 100).toFixed(1)} %`;
    const v = (x: number) => (f.key === 'verdict' ? (x ? 'stalls' : 'converges') : fmt(x));
    console.log(`| ${c.name} | ${f.label} (${f.unit}) | ${v(f.qemu)} | ${v(f.qemuMin)}–${v(f.qemuMax)} | ${v(f.model)} | ${error} | ${f.ok ? 'yes' : 'NO'} |`);
  }
}
console.log(`\n${bad} figures beyond tolerance`);
