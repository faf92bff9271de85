// The `qemu` policy's speed (issue 12: a 1 TiB run well under a second): medians of 5 per case, at
// the default 150 s timeout and at 100,000 s (where a slow-converging run makes hundreds of passes).
// Run: npx tsx scripts/bench-qemu.ts (numbers are noisy on a shared machine).
import { DEFAULT_SCENARIO, PATTERNS, simulate } from '../src/model/index.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log('One 1 TiB qemu run, 935 Mbit/s (median and max of 5):');
for (const pattern of PATTERNS)
  for (const dirtyRate of [0, 28_000, 1e6])
    for (const timeoutS of [150, 100_000]) {
      const s = { ...DEFAULT_SCENARIO, policy: 'qemu' as const, vmMiB: 1_048_576, dirtyRate, pattern, timeoutS };
      const times: number[] = [];
      let r = simulate(s);
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        r = simulate(s);
        times.push(performance.now() - t);
      }
      console.log(`  ${pattern.padEnd(10)} ${String(dirtyRate).padStart(7)}/s timeout ${String(timeoutS).padStart(6)} s: ${median(times).toFixed(1)} ms (max ${Math.max(...times).toFixed(1)}), ${r.iterations} iterations, ${r.stopReason}`);
    }
