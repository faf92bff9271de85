// `npm run bench`: the simulator's speed, as medians (a benchmark that prints numbers, not a test).
// Targets (issue 2): one 1 GiB run < 2 ms; a 3-link x 100-rate sweep of a 1 GiB VM < 100 ms;
// one 1 TiB run < 1 s and < 300 MB of memory. The page-by-page walk is timed too, for contrast.
// Issue 13: a 300-point sweep of a 1 TiB and a 16 TiB VM per policy, as a ratio to the 1 GiB sweep
// (goal: within 2x). `npm run bench -- --big` prints only those; `--big --calls` counts their tracker calls.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SCENARIO, PATTERNS, POLICIES, logSpace, simulate, simulateExact, sweep, type Scenario } from '../src/model/index.ts';
import { ExpectedTracker } from '../src/model/patterns/expected.ts';
import { SequentialTracker } from '../src/model/patterns/sequential.ts';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function timeMs(fn: () => void, repeats: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times;
}

const RATES = [0, 1_000, 10_000, 25_000, 28_000, 100_000, 1_000_000];
const TIB_RATES = [0, 28_000, 1_000_000];

/** Child mode: one 1 TiB run in a fresh process, printing its time and peak memory. */
if (process.argv[2] === '--one-tib') {
  const s: Scenario = { ...DEFAULT_SCENARIO, vmMiB: 1_048_576, dirtyRate: Number(process.argv[3]), pattern: process.argv[4] as Scenario['pattern'] };
  const start = performance.now();
  simulate(s);
  const ms = performance.now() - start;
  console.log(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const fmt = (ms: number) => `${ms.toFixed(3)} ms`;
console.log(`Node ${process.version}, ${new Date().toISOString()}`);

/** Big VMs: 300 rates 100..1e6 pages/s on 935 Mbit/s, per policy and pattern, against the same at 1 GiB. */
function bigSweeps(): void {
  // --sizes 1024,1048576 limits the sizes (MiB); --quick times each sweep once.
  const sizesArg = process.argv.indexOf('--sizes');
  const SIZES = (sizesArg >= 0 ? process.argv[sizesArg + 1].split(',').map(Number) : [1024, 1_048_576, 16_777_216]).map(
    (mib) => [mib >= 1_048_576 ? `${mib / 1_048_576} TiB` : `${mib / 1024} GiB`, mib] as const,
  );
  const rates300 = logSpace(100, 1_000_000, 300);
  const quick = process.argv.includes('--quick');
  const runs = quick ? 1 : 5;
  console.log(`\nSweep of 300 rates 100..1e6 on 935 Mbit/s: median ms of ${runs} rounds (each round times every size in turn, so a`);
  console.log(`busy machine slows the sizes alike), and the ratio to ${SIZES[0][0]} (goal <= 2x):`);
  console.log(`  ${'policy'.padEnd(9)}${'pattern'.padEnd(11)}${SIZES.map(([label]) => label.padStart(10)).join('')}  ${SIZES.slice(1).map(([label]) => `${label}/${SIZES[0][0]}`.padStart(13)).join('')}`);
  for (const policy of POLICIES) {
    for (const pattern of PATTERNS) {
      sweep({ ...DEFAULT_SCENARIO, policy, pattern }, [935], rates300); // warm up
      const times: number[][] = SIZES.map(() => []);
      for (let round = 0; round < runs; round++) {
        SIZES.forEach(([, vmMiB], i) => times[i].push(...timeMs(() => sweep({ ...DEFAULT_SCENARIO, vmMiB, policy, pattern }, [935], rates300), 1)));
      }
      const ms = times.map(median);
      const ratio = (x: number) => `${(x / ms[0]).toFixed(1)}x`.padStart(13);
      console.log(`  ${policy.padEnd(9)}${pattern.padEnd(11)}${ms.map((m) => m.toFixed(1).padStart(10)).join('')}  ${ms.slice(1).map(ratio).join('')}`);
    }
  }
}

/**
 * `--big --calls`: the same sweeps' tracker calls (batches and closed-form jumps) instead of times: the
 * work a sweep does, which a busy shared machine does not change.
 */
function bigSweepCalls(): void {
  let calls = 0;
  for (const tracker of [ExpectedTracker, SequentialTracker]) {
    const proto = tracker.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
    for (const method of ['batch', 'walkAhead', 'pushAhead', 'pushChase', 'pushFlow']) {
      const original = proto[method];
      if (original) proto[method] = function (this: unknown, ...a: unknown[]) { calls++; return original.apply(this, a); };
    }
  }
  const sizes = [1024, 1_048_576, 16_777_216];
  const rates300 = logSpace(100, 1_000_000, 300);
  console.log('\nTracker calls of a sweep of 300 rates 100..1e6 on 935 Mbit/s, at 1 GiB / 1 TiB / 16 TiB, and the ratios to 1 GiB:');
  for (const policy of POLICIES) {
    for (const pattern of PATTERNS) {
      const n = sizes.map((vmMiB) => ((calls = 0), sweep({ ...DEFAULT_SCENARIO, vmMiB, policy, pattern }, [935], rates300), calls));
      console.log(`  ${policy.padEnd(9)}${pattern.padEnd(11)}${n.map((x) => String(x).padStart(10)).join('')}  ${n.slice(1).map((x) => `${(x / n[0]).toFixed(1)}x`.padStart(8)).join('')}`);
    }
  }
}

if (process.argv.includes('--big')) {
  if (process.argv.includes('--calls')) bigSweepCalls();
  else bigSweeps();
  process.exit(0);
}

// Warm up the JIT, as a worker that has been answering a slider would be.
for (const pattern of PATTERNS) for (const rate of RATES) simulate({ ...DEFAULT_SCENARIO, pattern, dirtyRate: rate });

console.log('\nOne 1 GiB run, 935 Mbit/s (median of 50 per rate; target < 2 ms):');
let worst = 0;
for (const pattern of PATTERNS) {
  const medians = RATES.map((rate) => median(timeMs(() => simulate({ ...DEFAULT_SCENARIO, pattern, dirtyRate: rate }), 50)));
  worst = Math.max(worst, ...medians);
  console.log(`  ${pattern.padEnd(10)} ${RATES.map((r, i) => `${r}/s: ${medians[i].toFixed(3)}`).join('  ')}  (ms)`);
}
console.log(`  slowest median: ${fmt(worst)}`);

const exact = median(timeMs(() => simulateExact({ ...DEFAULT_SCENARIO, dirtyRate: 25_000 }), 5));
console.log(`  for contrast, the page-by-page walk (sequential, 25,000/s): ${fmt(exact)}`);

console.log('\nSweep, 1 GiB VM, links 94.2/935/7120 Mbit/s x 100 rates 100..1e6 (median of 15; target < 100 ms):');
const rates = logSpace(100, 1_000_000, 100);
for (const pattern of PATTERNS) {
  const ms = median(timeMs(() => sweep({ ...DEFAULT_SCENARIO, pattern }, [94.2, 935, 7120], rates), 15));
  console.log(`  ${pattern.padEnd(10)} ${fmt(ms)}`);
}

console.log('\nOne 1 TiB run, 935 Mbit/s, each in a fresh process (median of 3; target < 1 s and < 300 MB):');
const self = fileURLToPath(import.meta.url);
for (const pattern of ['sequential', 'uniform'] as const) {
  for (const rate of TIB_RATES) {
    const runs = Array.from({ length: 3 }, () =>
      JSON.parse(execFileSync(process.execPath, [...process.execArgv, self, '--one-tib', String(rate), pattern], { encoding: 'utf8' })),
    ) as { ms: number; maxRssMB: number }[];
    console.log(`  ${pattern.padEnd(10)} rate ${String(rate).padStart(9)}/s: ${fmt(median(runs.map((r) => r.ms)))}, peak memory ${median(runs.map((r) => r.maxRssMB)).toFixed(0)} MB (whole process)`);
  }
}

bigSweeps();
