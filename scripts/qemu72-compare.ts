// The model against the shared QEMU 7.2 measurements, case by case (medians of the repeats): every
// figure of src/model/qemu72/compare.ts with its verdict. Run: npx tsx scripts/qemu72-compare.ts
import { QEMU72_CASES } from '../src/model/qemu72/cases.ts';
import { compareCase } from '../src/model/qemu72/compare.ts';

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
