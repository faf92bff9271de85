// `npx tsx scripts/bench-replay.ts`: the teaching mode's replay on a 1 GiB VM (262,144 pages), as
// medians (a benchmark that prints numbers, not a test). Target: a forward step well under 4 ms, so
// that a worker can step and aggregate within a 60 frames/s frame (~16 ms).
import { DEFAULT_SCENARIO, aggregate, aggregateRGBA, createReplay, runEvents, type Scenario } from '../src/model/index.ts';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const percentile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (x: number) => `${x.toFixed(3)} ms`;

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Seeded positions for random seeks, the same on every run. */
function positions(n: number, count: number): number[] {
  let x = 12_345;
  return Array.from({ length: count }, () => (x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0) % n);
}

const CASES: [string, Partial<Scenario>][] = [
  ['sequential, idle', { dirtyRate: 0 }],
  ['sequential, 10,000/s', { dirtyRate: 10_000 }],
  ['sequential, 25,000/s', { dirtyRate: 25_000 }],
  ['sequential, 28,000/s', { dirtyRate: 28_000 }],
  ['sequential, 1,000,000/s', { dirtyRate: 1_000_000 }],
  ['uniform, 25,000/s', { pattern: 'uniform', dirtyRate: 25_000 }],
  ['hotcold, 100,000/s', { pattern: 'hotcold', dirtyRate: 100_000 }],
  ['qemu, sequential, 20,000/s', { policy: 'qemu', dirtyRate: 20_000 }],
  ['postcopy, uniform, 20,000/s', { policy: 'postcopy', pattern: 'uniform', dirtyRate: 20_000 }],
];

console.log(`Node ${process.version}, ${new Date().toISOString()}`);
console.log('1 GiB VM (262,144 pages), 935 Mbit/s, Xen unless said; times per operation.\n');

// Warm up the JIT on a smaller VM first.
for (const [, extra] of CASES) {
  const r = createReplay({ ...DEFAULT_SCENARIO, vmMiB: 64, ...extra });
  for (let k = 0; k < r.events.length; k++) r.seek(k);
  for (const k of positions(r.events.length, 50)) r.seek(k);
}

for (const [name, extra] of CASES) {
  const s: Scenario = { ...DEFAULT_SCENARIO, ...extra };
  let events!: ReturnType<typeof runEvents>;
  const eventsMs = time(() => (events = runEvents(s)));
  let replay!: ReturnType<typeof createReplay>;
  const createMs = time(() => (replay = createReplay(s, { events })));

  // Forward, one event at a time (the first pass also takes the checkpoints).
  const steps: number[] = [];
  for (let k = 1; k < events.length; k++) {
    const t = time(() => replay.seek(k));
    const kind = events[k].kind;
    if (kind === 'batch' || kind === 'final-copy' || kind === 'push') steps.push(t);
  }
  // Again, with the checkpoints in place.
  replay.seek(0);
  const steps2: number[] = [];
  for (let k = 1; k < events.length; k++) {
    const t = time(() => replay.seek(k));
    const kind = events[k].kind;
    if (kind === 'batch' || kind === 'final-copy' || kind === 'push') steps2.push(t);
  }
  const seeks = positions(events.length, 200).map((k) => time(() => replay.seek(k)));
  const backs: number[] = [];
  for (let k = events.length - 1; k > 0 && backs.length < 200; k -= Math.max(1, Math.floor(events.length / 200))) {
    replay.seek(k);
    backs.push(time(() => replay.seek(k - 1)));
  }
  const cp = replay.checkpoints();
  console.log(`${name}: ${events.length} events (runEvents ${ms(eventsMs)}, createReplay ${ms(createMs)}), ${cp.positions.length} checkpoints, ${(cp.bytes / 1_048_576).toFixed(1)} MiB`);
  console.log(`  forward step per batch: median ${ms(median(steps2))}, p99 ${ms(percentile(steps2, 0.99))}, max ${ms(Math.max(...steps2))}  (first pass, taking checkpoints: median ${ms(median(steps))}, max ${ms(Math.max(...steps))})`);
  console.log(`  random seek: median ${ms(median(seeks))}, p99 ${ms(percentile(seeks, 0.99))}, max ${ms(Math.max(...seeks))};  one step back: median ${ms(median(backs))}, max ${ms(Math.max(...backs))}`);
}

// Aggregation of a mid-run map into 512 x 512 cells (one page per cell at 1 GiB) and 256 x 256 (four).
const replay = createReplay({ ...DEFAULT_SCENARIO, dirtyRate: 25_000 });
const state = replay.seek(Math.floor(replay.events.length / 2));
console.log('\nAggregation of a 1 GiB map (median of 50):');
for (const [x, y] of [[512, 512], [256, 256], [128, 64]]) {
  const counts = new Uint32Array(x * y * 9);
  const rgba = new Uint8ClampedArray(4 * x * y);
  for (let i = 0; i < 5; i++) {
    aggregate(state, x, y, counts);
    aggregateRGBA(state, x, y, undefined, rgba);
  }
  const c = median(Array.from({ length: 50 }, () => time(() => aggregate(state, x, y, counts))));
  const r = median(Array.from({ length: 50 }, () => time(() => aggregateRGBA(state, x, y, undefined, rgba))));
  console.log(`  ${x} x ${y} cells: counts per state ${ms(c)}, RGBA ${ms(r)}`);
}
const copy = median(Array.from({ length: 50 }, () => time(() => state.codes.slice())));
console.log(`  (copying the 262,144 codes, e.g. to post them to the main thread: ${ms(copy)})`);
