// The teaching mode's model (src/model/replay): the event log against simulate/simulateExact, the
// page-exact map against a plain reference replay, seeking forward and backward, invariants, two
// hand-worked cases page by page, and the aggregation for large VMs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ExactLimitError,
  PAGE_STATE_COUNT,
  PAGE_STATE_NAMES,
  PageState,
  POLICIES,
  ReplayLimitError,
  aggregate,
  aggregateRGBA,
  cellPages,
  createReplay,
  paletteOf,
  pagesOf,
  recordRun,
  runEvents,
  simulate,
  simulateExact,
  stepIndices,
  type BatchEvent,
  type DirtySplit,
  type ReplayEvent,
  type RunResult,
  type Scenario,
} from '../../src/model/index.ts';
import { writerFor } from '../../src/model/exact/writers.ts';
import { traceFromSeries } from '../../src/model/trace/parse.ts';
import { mbpsFor, scenario, vmMiBOf } from './helpers.ts';

const { CLEAN, TO_SEND, TO_SEND_DIRTY, DIRTY, SKIPPED, SENT_THIS_BATCH, SENT, SENT_FINAL, FAULTED } = PageState;

// 4096 pages on a link of 1024 pages/s: four batches per full pass, 1 s each.
const small = (overrides: Partial<Scenario> = {}) => scenario({ vmMiB: vmMiBOf(4096), linkMbps: mbpsFor(1024), ...overrides });

/** Scenarios over every policy and pattern, small enough to check every event page by page. */
const CASES: [string, Scenario][] = [
  ['xen, sequential, idle', small({ dirtyRate: 0 })],
  ['xen, sequential, converging', small({ dirtyRate: 300 })],
  ['xen, sequential, near the link', small({ dirtyRate: 1000 })],
  ['xen, sequential, twice the link (skips)', small({ dirtyRate: 2048 })],
  ['xen, sequential, working set 1500', small({ dirtyRate: 3000, wssPages: 1500 })],
  ['xen, uniform, seed 7', small({ pattern: 'uniform', dirtyRate: 700, seed: 7 })],
  ['xen, uniform, fast writer', small({ pattern: 'uniform', dirtyRate: 5000, seed: 11 })],
  ['xen, hotcold, seed 3', small({ pattern: 'hotcold', dirtyRate: 1500, seed: 3, hotFraction: 0.1, hotShare: 0.9 })],
  ['xen, hotcold, working set 2000', small({ pattern: 'hotcold', dirtyRate: 800, seed: 5, wssPages: 2000 })],
  ['xen-v2, sequential', small({ policy: 'xen-v2', dirtyRate: 512 })],
  ['xen-v2, uniform', small({ policy: 'xen-v2', pattern: 'uniform', dirtyRate: 900, seed: 2 })],
  ['qemu, sequential', small({ policy: 'qemu', dirtyRate: 400, downtimeLimitMs: 100 })],
  ['qemu, hotcold, auto-converge', small({ policy: 'qemu', pattern: 'hotcold', dirtyRate: 3000, autoConverge: true, seed: 9, timeoutS: 40 })],
  ['qemu, sequential, no convergence', small({ policy: 'qemu', dirtyRate: 3000, timeoutS: 12 })],
  ['postcopy, sequential', small({ policy: 'postcopy', dirtyRate: 600, wssPages: 3000 })],
  ['postcopy, uniform', small({ policy: 'postcopy', pattern: 'uniform', dirtyRate: 800, seed: 4 })],
  ['hybrid, hotcold', small({ policy: 'hybrid', pattern: 'hotcold', dirtyRate: 1200, seed: 6 })],
  ['hybrid, sequential', small({ policy: 'hybrid', dirtyRate: 500 })],
];

const isBatch = (e: ReplayEvent): e is BatchEvent => e.kind === 'batch' || e.kind === 'final-copy';

/** The event log says what the run's result says, iteration by iteration and in total. */
function expectAgrees(events: ReplayEvent[], r: RunResult, s: Scenario): void {
  const pages = pagesOf(s.vmMiB, s.pageBytes);
  expect(events[0].kind).toBe('pre-migration');
  expect(events[events.length - 1].kind).toBe('end');
  for (let i = 1; i < events.length; i++) {
    expect(events[i].atS, `event ${i} goes back in time`).toBeGreaterThanOrEqual(events[i - 1].atS);
    expect(events[i].writes).toBeGreaterThanOrEqual(events[i - 1].writes);
  }
  const iterations = new Set(events.filter((e) => e.iteration > 0).map((e) => e.iteration));
  expect([...iterations]).toEqual(r.perIteration.map((it) => it.iteration));
  const postcopy = r.stopReason === 'postcopy' || r.stopReason === 'postcopy-hybrid';

  for (const it of r.perIteration) {
    const mine = events.filter((e) => e.iteration === it.iteration);
    const label = `iteration ${it.iteration}`;
    if (it.phase === 'postcopy') {
      const pushes = mine.filter((e) => e.kind === 'push');
      expect(pushes.reduce((n, e) => n + e.pushed + e.faulted, 0), label).toBe(it.pagesSent);
      expect(pushes.reduce((n, e) => n + e.faulted, 0)).toBe(r.remoteFaults);
      if (pushes.length) {
        expect(pushes[0].startS).toBe(it.startS);
        expect(pushes[pushes.length - 1].endS).toBe(it.endS);
        pushes.forEach((e, i) => i > 0 && expect(e.from).toBe(pushes[i - 1].to));
      }
      continue;
    }
    if (it.final && postcopy) {
      const pause = mine.find((e) => e.kind === 'pause')!;
      expect(pause.atS).toBe(it.startS);
      expect(pause.stateOnly).toBe(true);
      expect(mine.find((e) => e.kind === 'commit')!.atS).toBe(it.endS);
      continue;
    }
    const batches = mine.filter(isBatch);
    expect(batches.length, label).toBeGreaterThan(0);
    expect(batches.every((e) => e.kind === (it.final ? 'final-copy' : 'batch')), label).toBe(true);
    expect(batches.reduce((n, e) => n + e.sent, 0), label).toBe(it.pagesSent);
    expect(batches.reduce((n, e) => n + e.skipped, 0), label).toBe(it.pagesSkipped);
    expect(batches[0].startS, label).toBe(it.startS);
    expect(batches[batches.length - 1].endS, label).toBe(it.endS);
    // The batches walk memory once, in order (a QEMU pass may end mid-memory, at a sync).
    expect(batches[0].from).toBe(0);
    if (s.policy === 'qemu' && !it.final) expect(batches[batches.length - 1].to).toBeLessThanOrEqual(pages);
    else expect(batches[batches.length - 1].to).toBe(pages);
    batches.forEach((e, i) => i > 0 && expect(e.from).toBe(batches[i - 1].to));
    for (const b of batches) expect(b.sent).toBeLessThanOrEqual(1024);
    expect(mine.filter((e) => e.kind === 'peek').length, label).toBe(s.policy === 'xen' && !it.final ? batches.length : 0);
    const cleans = mine.filter((e) => e.kind === 'clean');
    if (it.final) expect(cleans).toEqual([]);
    else expect(cleans.map((e) => e.dirtied), label).toEqual([it.pagesDirtied]);
  }

  const decisions = events.filter((e) => e.kind === 'stop-decision');
  expect(decisions.slice(0, -1).every((e) => e.reason === null)).toBe(true);
  expect(decisions[decisions.length - 1].reason).toBe(r.stopReason);
  const end = events[events.length - 1];
  if (end.kind !== 'end') throw new Error('no end event');
  expect(end.migrationTimeS).toBe(r.migrationTimeS);
  expect(end.downtimeS).toBe(r.downtimeS);
  expect(end.iterations).toBe(r.iterations);
  expect(end.totalSent).toBe(r.pagesSent);
  expect(events.filter((e) => e.kind === 'throttle').map((e) => [e.atS, e.throttle])).toEqual((r.throttle ?? []).map((t) => [t.atS, t.throttle]));
  expect(events.filter((e) => e.kind === 'pause')).toHaveLength(1);
  expect(events.filter((e) => e.kind === 'commit')).toHaveLength(1);
  expect(events.filter((e) => e.kind === 'activate')).toHaveLength(1);
}

describe('event log = the model run', () => {
  for (const [name, s] of CASES) {
    it(name, () => {
      const expected = s.pattern === 'sequential' ? simulate(s) : simulateExact(s);
      expectAgrees(runEvents(s), expected, s);
    });
  }

  it('1 GiB, sequential, at a few rates and every policy (simulate)', () => {
    for (const policy of POLICIES) {
      for (const dirtyRate of [0, 25_000, 1e6]) {
        const s = scenario({ policy, dirtyRate });
        expectAgrees(runEvents(s), simulate(s), s);
      }
    }
  });

  it('random patterns follow the seed (simulateExact), not the expectation', () => {
    const a = small({ pattern: 'uniform', dirtyRate: 3000, seed: 1 });
    const b = { ...a, seed: 2 };
    expectAgrees(runEvents(b), simulateExact(b), b);
    const batches = (s: Scenario) => runEvents(s).filter(isBatch).map((e) => e.skipped);
    expect(batches(a)).not.toEqual(batches(b));
  });

  it('a trace-driven run (HIST) agrees with simulate(s, trace) and replays', () => {
    const trace = traceFromSeries([0, 2, 4, 7, 20], [200, 2500, 600, 1800, 300]);
    for (const s of [small({ traceStartS: 1 }), small({ policy: 'qemu', traceStartS: 3 }), small({ pattern: 'uniform', seed: 8, traceStartS: 0.5 })]) {
      const events = runEvents(s, { trace });
      expectAgrees(events, s.pattern === 'sequential' ? simulate(s, trace) : simulateExact(s, trace), s);
      expect(events).not.toEqual(runEvents(s));
      const ref = referenceMaps(s, events);
      const replay = createReplay(s, { trace, checkpointEvery: 4 });
      expect(replay.events).toEqual(events);
      for (const k of seekOrder(events.length, 30, 99)) expectSameMap(replay.seek(k).codes, ref[k], `trace, seek ${k}`);
    }
  });

  it('recordRun gives the result with the events', () => {
    const s = CASES[2][1];
    const { events, result } = recordRun(s);
    expect(result).toEqual(simulate(s));
    expect(events).toEqual(runEvents(s));
  });

  it('random scenarios: events agree and the map replays without a mismatch', () => {
    fc.assert(
      fc.property(
        fc.record({
          policy: fc.constantFrom(...POLICIES),
          pattern: fc.constantFrom('sequential', 'uniform', 'hotcold'),
          pages: fc.integer({ min: 1, max: 5000 }),
          link: fc.integer({ min: 50, max: 3000 }),
          rateShare: fc.double({ min: 0, max: 3, noNaN: true }),
          wss: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: null }),
          seed: fc.integer({ min: 0, max: 1000 }),
          minDirtyPages: fc.integer({ min: 0, max: 100 }),
          autoConverge: fc.boolean(),
        }),
        (c) => {
          const s = scenario({
            vmMiB: vmMiBOf(c.pages),
            linkMbps: mbpsFor(c.link),
            dirtyRate: c.rateShare * c.link,
            policy: c.policy,
            pattern: c.pattern as Scenario['pattern'],
            wssPages: c.wss,
            seed: c.seed,
            minDirtyPages: c.minDirtyPages,
            autoConverge: c.autoConverge,
            timeoutS: 30,
          });
          const events = runEvents(s);
          expectAgrees(events, s.pattern === 'sequential' ? simulate(s) : simulateExact(s), s);
          const replay = createReplay(s, { events });
          const last = replay.seek(events.length - 1);
          expect(sum(last.counts)).toBe(c.pages);
        },
      ),
      { numRuns: 60, seed: 20_241 },
    );
  });
});

// A plain, independent reading of the map's rules (docs/REPLAY.md), event by event: every write made
// with the model's own writer, every page looked at after every event.
function referenceMaps(s: Scenario, events: ReplayEvent[]): Uint8Array[] {
  const pages = pagesOf(s.vmMiB, s.pageBytes);
  const writer = writerFor(s);
  const code = new Uint8Array(pages).fill(TO_SEND);
  const dirty = new Uint8Array(pages);
  let made = 0;
  let postcopy = false;
  const writeUpTo = (writes: number) => {
    for (; made < writes; made++) {
      const p = writer.page(made);
      if (dirty[p]) continue;
      dirty[p] = 1;
      if (postcopy) {
        if (code[p] === TO_SEND) code[p] = FAULTED;
      } else if (code[p] === CLEAN || code[p] === SENT) code[p] = DIRTY;
      else if (code[p] === TO_SEND) code[p] = TO_SEND_DIRTY;
    }
  };
  const maps: Uint8Array[] = [];
  for (const e of events) {
    for (let p = 0; p < pages; p++) if (code[p] === SENT_THIS_BATCH) code[p] = dirty[p] && !postcopy ? DIRTY : SENT;
    if (e.kind === 'batch' || e.kind === 'push') {
      for (let p = e.from; p < e.to; p++) {
        if (code[p] === TO_SEND) code[p] = SENT_THIS_BATCH;
        else if (code[p] === TO_SEND_DIRTY) code[p] = e.kind === 'batch' && e.peek ? SKIPPED : SENT_THIS_BATCH;
      }
    } else if (e.kind === 'final-copy') {
      for (let p = e.from; p < e.to; p++) if (code[p] === TO_SEND || code[p] === TO_SEND_DIRTY) code[p] = SENT_FINAL;
    }
    writeUpTo(e.writes);
    if (e.kind === 'clean') {
      // QEMU's sync mid-pass keeps the pass's unsent pages from keepFrom on.
      const keepFrom = e.keepFrom ?? pages;
      for (let p = 0; p < pages; p++) code[p] = dirty[p] || (p >= keepFrom && (code[p] === TO_SEND || code[p] === TO_SEND_DIRTY)) ? TO_SEND : CLEAN;
      dirty.fill(0);
    }
    if (e.kind === 'pause' && e.stateOnly) postcopy = true;
    maps.push(code.slice());
  }
  return maps;
}

function sum(xs: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < xs.length; i++) total += xs[i];
  return total;
}

function countsOf(codes: Uint8Array): number[] {
  const counts = new Array<number>(PAGE_STATE_COUNT).fill(0);
  for (const c of codes) counts[c]++;
  return counts;
}

/** A small deterministic generator for seek orders. */
function seekOrder(n: number, count: number, seed: number): number[] {
  let x = seed;
  const next = () => ((x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0) % n);
  return Array.from({ length: count }, next);
}

function expectSameMap(actual: Uint8Array, expected: Uint8Array, label: string): void {
  if (actual.length !== expected.length) expect.fail(`${label}: ${actual.length} pages, expected ${expected.length}`);
  for (let p = 0; p < actual.length; p++) {
    if (actual[p] !== expected[p]) expect.fail(`${label}: page ${p} is ${PAGE_STATE_NAMES[actual[p]]}, expected ${PAGE_STATE_NAMES[expected[p]]}`);
  }
}

// The "already sent" split by another route: a flag per page for "the destination has a copy" (set
// when a batch sends it, and at a clean for every page not written), each write made with the model's
// writer; a first write since the clean to a page with a copy makes that copy stale.
function referenceSplits(s: Scenario, events: ReplayEvent[]): { dirtied: DirtySplit; cleaned: DirtySplit | null }[] {
  const pages = pagesOf(s.vmMiB, s.pageBytes);
  const writer = writerFor(s);
  const toSend = new Uint8Array(pages).fill(1);
  const atDestination = new Uint8Array(pages);
  const fromEarlierPass = new Uint8Array(pages);
  const dirty = new Uint8Array(pages);
  let made = 0;
  let split: DirtySplit = { pages: 0, alreadySent: 0, sentEarlier: 0 };
  let cleaned: DirtySplit | null = null;
  const out: { dirtied: DirtySplit; cleaned: DirtySplit | null }[] = [];
  for (const e of events) {
    if (e.kind === 'pause' && e.stateOnly) break;
    if (e.kind === 'batch') {
      for (let p = e.from; p < e.to; p++) {
        if (!toSend[p]) continue;
        toSend[p] = 0;
        if (e.peek && dirty[p]) continue; // skipped
        atDestination[p] = 1;
      }
    }
    for (; made < e.writes; made++) {
      const p = writer.page(made);
      if (dirty[p]) continue;
      dirty[p] = 1;
      split = { pages: split.pages + 1, alreadySent: split.alreadySent + atDestination[p], sentEarlier: split.sentEarlier + fromEarlierPass[p] };
    }
    if (e.kind === 'clean') {
      const keepFrom = e.keepFrom ?? pages;
      for (let p = 0; p < pages; p++) {
        toSend[p] = dirty[p] || (p >= keepFrom ? toSend[p] : 0);
        atDestination[p] = fromEarlierPass[p] = toSend[p] ? 0 : 1;
      }
      dirty.fill(0);
      cleaned = split;
      split = { pages: 0, alreadySent: 0, sentEarlier: 0 };
    }
    out.push({ dirtied: split, cleaned });
  }
  return out;
}

describe('page-exact replay', () => {
  for (const [name, s] of CASES) {
    it(`${name}: every event matches the reference, seeking in any order`, () => {
      const events = runEvents(s);
      const ref = referenceMaps(s, events);
      const pages = pagesOf(s.vmMiB, s.pageBytes);
      // Forward, one event at a time.
      const forward = createReplay(s, { events, checkpointEvery: 7 });
      for (let k = 0; k < events.length; k++) {
        const state = forward.seek(k);
        expectSameMap(state.codes, ref[k], `${name}, event ${k} (${events[k].kind})`);
        expect(Array.from(state.counts)).toEqual(countsOf(ref[k]));
        expect(sum(state.counts)).toBe(pages);
        expect(state.writes).toBe(events[k].writes);
      }
      expect(forward.checkpoints().taken).toBe(forward.checkpoints().positions.length);
      // Random seeks, forward and backward, on a replay with checkpoints; each against a fresh replay.
      const jumping = createReplay(s, { events, checkpointEvery: 5 });
      for (const k of seekOrder(events.length, 40, events.length)) {
        const state = jumping.seek(k);
        expect(jumping.position).toBe(k);
        expectSameMap(state.codes, ref[k], `${name}, seek ${k}`);
        expect(Array.from(state.counts)).toEqual(countsOf(ref[k]));
        const fresh = createReplay(s, { events, checkpointBytes: 0 }).seek(k);
        expectSameMap(state.codes, fresh.codes, `${name}, seek ${k} vs from scratch`);
      }
      // Step back from the end to the start.
      for (let k = events.length - 1; k >= 0; k -= 3) expectSameMap(jumping.seek(k).codes, ref[k], `${name}, back to ${k}`);
    });
  }

  it('splits the dirtied pages into already sent and still to send, as a page-by-page count does', () => {
    let resent = 0;
    for (const [name, s] of CASES) {
      const events = runEvents(s);
      const ref = referenceSplits(s, events);
      const replay = createReplay(s, { events, checkpointEvery: 6 });
      // Forward, then backward through the checkpoints: the split is part of the saved state.
      const order = [...ref.keys(), ...[...ref.keys()].reverse()];
      for (const k of order) {
        const state = replay.seek(k);
        const label = `${name}, event ${k} (${events[k].kind})`;
        expect(state.dirtied, label).toEqual(ref[k].dirtied);
        expect(state.cleaned, label).toEqual(ref[k].cleaned);
        expect(state.dirtied.alreadySent).toBeLessThanOrEqual(state.dirtied.pages);
        expect(state.dirtied.sentEarlier).toBeLessThanOrEqual(state.dirtied.alreadySent);
        const e = events[k];
        if (e.kind === 'clean') expect(state.cleaned?.pages, label).toBe(e.dirtied);
        resent += state.dirtied.alreadySent - state.dirtied.sentEarlier;
      }
    }
    // The cases do rewrite pages sent earlier in the same pass (not only pages of earlier passes).
    expect(resent).toBeGreaterThan(0);
  });

  it('invariants of the map along every run', () => {
    for (const [name, s] of CASES) {
      const events = runEvents(s);
      const replay = createReplay(s, { events });
      const pause = events.findIndex((e) => e.kind === 'pause');
      const finalIteration = events[pause].iteration;
      events.forEach((e, k) => {
        const { counts } = replay.seek(k);
        const label = `${name}, event ${k} (${e.kind})`;
        if (k < pause) expect(counts[SENT_FINAL], label).toBe(0);
        if (k >= pause) expect(counts[SKIPPED], label).toBe(0);
        if (e.iteration === finalIteration && isBatch(e)) expect(e.skipped, label).toBe(0);
        if (e.kind !== 'batch' && e.kind !== 'push') expect(counts[SENT_THIS_BATCH], label).toBe(0);
        if (e.kind === 'batch') expect(counts[SENT_THIS_BATCH], label).toBe(e.sent);
        if (e.kind === 'push') expect(counts[SENT_THIS_BATCH], label).toBe(e.pushed);
        if (e.kind === 'peek') expect(counts[DIRTY] + counts[TO_SEND_DIRTY] + counts[SKIPPED], label).toBe(e.dirtyPages);
        if (e.kind === 'clean') expect(counts[TO_SEND], label).toBe(e.toSend ?? e.dirtied);
        if (e.kind === 'pause' && !e.stateOnly) expect(counts[TO_SEND], label).toBe(e.pagesToSend);
        if (e.kind === 'pause' && s.policy === 'postcopy') expect(counts[TO_SEND], label).toBe(pagesOf(s.vmMiB, s.pageBytes));
        if (e.kind === 'end') {
          expect(counts[TO_SEND] + counts[TO_SEND_DIRTY] + counts[DIRTY] + counts[SKIPPED], label).toBe(0);
          if (e.remoteFaults !== undefined) expect(counts[FAULTED]).toBe(e.remoteFaults);
          else expect(counts[SENT_FINAL]).toBe(events.filter((x) => x.kind === 'final-copy').reduce((n, x) => n + (x as BatchEvent).sent, 0));
        }
        if (s.policy !== 'postcopy' && s.policy !== 'hybrid') expect(counts[FAULTED], label).toBe(0);
      });
    }
  });

  it('an idle VM is all CLEAN from the clean after iteration 1 until the end', () => {
    for (const policy of POLICIES.filter((p) => p !== 'postcopy')) {
      const s = small({ policy, dirtyRate: 0 });
      const events = runEvents(s);
      const replay = createReplay(s, { events });
      const firstClean = events.findIndex((e) => e.kind === 'clean' && e.iteration === 1);
      expect(firstClean).toBeGreaterThan(0);
      // QEMU syncs before its pass ends: the unsent rest (under the threshold) stays to send, nothing is dirty.
      const kept = policy === 'qemu' ? events[firstClean].kind === 'clean' && (events[firstClean] as { toSend?: number }).toSend : 0;
      for (let k = firstClean; k < events.length; k++) {
        const { counts } = replay.seek(k);
        expect(counts[DIRTY] + counts[TO_SEND_DIRTY], `${policy}, event ${k}`).toBe(0);
        if (policy !== 'qemu') expect(counts[CLEAN], `${policy}, event ${k}`).toBe(4096);
        else expect(counts[CLEAN] + counts[TO_SEND] + counts[SENT_FINAL], `${policy}, event ${k}`).toBe(4096);
      }
      if (policy === 'qemu') expect(kept).toBeLessThan(1024 * (s.downtimeLimitMs / 1000));
    }
  });

  it('checkpoints stay within their memory budget', () => {
    const s = small({ dirtyRate: 2048, maxIterations: 29, maxFactor: 100 });
    const events = runEvents(s);
    const bytes = 20 * (4096 + 512 + 128);
    const replay = createReplay(s, { events, checkpointEvery: 1, checkpointBytes: bytes });
    replay.seek(events.length - 1);
    const { positions, taken, bytes: held } = replay.checkpoints();
    expect(positions.length).toBeLessThanOrEqual(20);
    expect(positions.length).toBeGreaterThan(10);
    expect(taken).toBe(positions.length);
    expect(held).toBeLessThanOrEqual(bytes);
  });

  it('refuses more than 2^25 pages, as page-exact runs do', () => {
    const s = scenario({ vmMiB: 131_073 });
    expect(() => createReplay(s)).toThrow(ReplayLimitError);
    expect(() => createReplay(s)).toThrow(ExactLimitError);
    expect(() => runEvents(s)).toThrow(/at most 33554432 pages/);
  });

  it('rejects seeks outside the log', () => {
    const replay = createReplay(CASES[0][1]);
    expect(() => replay.seek(-1)).toThrow(RangeError);
    expect(() => replay.seek(replay.events.length)).toThrow(RangeError);
    expect(() => replay.seek(1.5)).toThrow(RangeError);
  });
});

// Maps as strings, one letter per page.
const LETTER = 'CTtDKBSFX'; // CLEAN, TO_SEND, TO_SEND_DIRTY, DIRTY, SKIPPED, SENT_THIS_BATCH, SENT, SENT_FINAL, FAULTED
const letters = (codes: Uint8Array) => Array.from(codes, (c) => LETTER[c]).join('');
const runs = (spec: [string, number][]) => spec.map(([l, n]) => l.repeat(n)).join('');

describe('hand-worked: 16 pages', () => {
  // 16 pages, a link of 16 pages/s, a sequential writer at 8 pages/s over all 16 pages; Xen stops
  // after iteration 3 (maxIterations 3; minDirtyPages 1 so the small passes go on).
  //   it 1: t 0 -> 1 s, sends pages 0..15; meanwhile writes 0..7 dirty pages 0..7. Clean: 8 to send.
  //   it 2: t 1 -> 1.5 s, sends 0..7; writes 8..11 dirty pages 8..11. Clean: 4 to send.
  //   it 3: t 1.5 -> 1.75 s, sends 8..11; writes 12..13 dirty pages 12, 13. Max iterations. Clean: 2.
  //   final: t 1.75 -> 1.875 s, the paused guest's pages 12 and 13 go across.
  const s = scenario({ vmMiB: vmMiBOf(16), linkMbps: mbpsFor(16), dirtyRate: 8, minDirtyPages: 1, maxIterations: 3, preS: 2, postS: 0.5 });
  const events = runEvents(s);

  it('events', () => {
    const brief = events.map((e) => {
      switch (e.kind) {
        case 'peek':
          return `peek ${e.iteration} w${e.writes} d${e.dirtyPages}`;
        case 'batch':
        case 'final-copy':
          return `${e.kind} ${e.iteration} [${e.from},${e.to}) sent ${e.sent} skipped ${e.skipped} ${e.startS}-${e.endS} w${e.writes}`;
        case 'clean':
          return `clean ${e.iteration} dirtied ${e.dirtied} w${e.writes}`;
        case 'stop-decision':
          return `decide ${e.iteration} ${e.reason} total ${e.totalSent}`;
        case 'pause':
          return `pause ${e.iteration} ${e.pagesToSend} at ${e.atS} for ${e.durationS}`;
        default:
          return `${e.kind} ${e.iteration} at ${e.atS}`;
      }
    });
    expect(brief).toEqual([
      'pre-migration 0 at 0',
      'peek 1 w0 d0',
      'batch 1 [0,16) sent 16 skipped 0 2-3 w8',
      'decide 1 null total 16',
      'clean 1 dirtied 8 w8',
      'peek 2 w8 d0',
      'batch 2 [0,16) sent 8 skipped 0 3-3.5 w12',
      'decide 2 null total 24',
      'clean 2 dirtied 4 w12',
      'peek 3 w12 d0',
      'batch 3 [0,16) sent 4 skipped 0 3.5-3.75 w14',
      'decide 3 max-iterations total 28',
      'clean 3 dirtied 2 w14',
      'pause 4 2 at 3.75 for 0.125',
      'final-copy 4 [0,16) sent 2 skipped 0 3.75-3.875 w14',
      'commit 4 at 3.875',
      'activate 4 at 4.375',
      'end 4 at 4.375',
    ]);
    expect(stepIndices(events, 'iteration')).toEqual([0, 2, 3, 4, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(stepIndices(events, 'batch')).toEqual([0, 2, 3, 4, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(stepIndices(events, 'event')).toHaveLength(events.length);
  });

  it('the map, page by page, after every event', () => {
    const replay = createReplay(s, { events, checkpointEvery: 2 });
    const expected = [
      runs([['T', 16]]), // pre-migration
      runs([['T', 16]]), // peek
      runs([['B', 16]]), // batch 1 (pages 0..7 were written after they went)
      runs([['D', 8], ['S', 8]]), // decide
      runs([['T', 8], ['C', 8]]), // clean
      runs([['T', 8], ['C', 8]]), // peek
      runs([['B', 8], ['D', 4], ['C', 4]]), // batch 2
      runs([['S', 8], ['D', 4], ['C', 4]]), // decide
      runs([['C', 8], ['T', 4], ['C', 4]]), // clean
      runs([['C', 8], ['T', 4], ['C', 4]]), // peek
      runs([['C', 8], ['B', 4], ['D', 2], ['C', 2]]), // batch 3
      runs([['C', 8], ['S', 4], ['D', 2], ['C', 2]]), // decide
      runs([['C', 12], ['T', 2], ['C', 2]]), // clean
      runs([['C', 12], ['T', 2], ['C', 2]]), // pause
      runs([['C', 12], ['F', 2], ['C', 2]]), // final copy
      runs([['C', 12], ['F', 2], ['C', 2]]), // commit
      runs([['C', 12], ['F', 2], ['C', 2]]), // activate
      runs([['C', 12], ['F', 2], ['C', 2]]), // end
    ];
    expect(events).toHaveLength(expected.length);
    for (const k of [...expected.keys(), 17, 3, 10, 0, 14, 6, 12, 1]) expect(letters(replay.seek(k).codes), `event ${k}`).toBe(expected[k]);
  });
});

describe('hand-worked: skipping (2048 pages, writer at twice the link)', () => {
  // 2048 pages, link 1024 pages/s, sequential writer at 2048 pages/s: each first batch sends pages
  // 0..1023 in 1 s while the writer dirties all 2048 pages, so the second batch skips 1024..2047.
  const s = scenario({ vmMiB: vmMiBOf(2048), linkMbps: mbpsFor(1024), dirtyRate: 2048, maxIterations: 2, preS: 0, postS: 0 });
  const events = runEvents(s);
  const replay = createReplay(s, { events });
  const at = (k: number) => letters(replay.seek(k).codes);

  it('events and maps', () => {
    expect(events.map((e) => e.kind).slice(0, 10)).toEqual(['pre-migration', 'peek', 'batch', 'peek', 'batch', 'stop-decision', 'clean', 'peek', 'batch', 'peek']);
    const b1 = events[2] as BatchEvent;
    const b2 = events[4] as BatchEvent;
    expect([b1.from, b1.to, b1.sent, b1.skipped, b1.writes]).toEqual([0, 1024, 1024, 0, 2048]);
    expect([b2.from, b2.to, b2.sent, b2.skipped, b2.startS, b2.endS]).toEqual([1024, 2048, 0, 1024, 1, 1]);
    expect(events[3]).toMatchObject({ kind: 'peek', dirtyPages: 2048 });
    expect(at(2)).toBe(runs([['B', 1024], ['t', 1024]])); // sent; the rest dirtied while waiting
    expect(at(3)).toBe(runs([['D', 1024], ['t', 1024]])); // the peek sees all 2048 dirty
    expect(at(4)).toBe(runs([['D', 1024], ['K', 1024]])); // ... so the second batch skips them all
    expect(events[5]).toMatchObject({ kind: 'stop-decision', reason: null, sentAndSkipped: 2048, totalSent: 1024 });
    expect(at(6)).toBe(runs([['T', 2048]])); // clean: everything is to send again
    const r = simulate(s);
    expect(r.stopReason).toBe('max-iterations');
    const last = replay.seek(events.length - 1);
    expect(letters(last.codes)).toBe(runs([['F', 2048]]));
  });
});

describe('aggregation', () => {
  const codes = Uint8Array.from([CLEAN, CLEAN, DIRTY, SENT_FINAL, TO_SEND, TO_SEND, TO_SEND, SKIPPED, FAULTED, CLEAN]);

  it('counts pages per state per cell', () => {
    // 10 pages in 2 x 2 cells: [0,2) [2,5) [5,7) [7,10).
    expect([0, 1, 2, 3].map((c) => cellPages(c, 4, 10))).toEqual([
      { from: 0, to: 2 },
      { from: 2, to: 5 },
      { from: 5, to: 7 },
      { from: 7, to: 10 },
    ]);
    const counts = aggregate(codes, 2, 2);
    const cell = (c: number) => Array.from(counts.subarray(c * PAGE_STATE_COUNT, (c + 1) * PAGE_STATE_COUNT));
    const expected = (spec: Partial<Record<number, number>>) => Array.from({ length: PAGE_STATE_COUNT }, (_, i) => spec[i] ?? 0);
    expect(cell(0)).toEqual(expected({ [CLEAN]: 2 }));
    expect(cell(1)).toEqual(expected({ [DIRTY]: 1, [SENT_FINAL]: 1, [TO_SEND]: 1 }));
    expect(cell(2)).toEqual(expected({ [TO_SEND]: 2 }));
    expect(cell(3)).toEqual(expected({ [SKIPPED]: 1, [FAULTED]: 1, [CLEAN]: 1 }));
    expect(sum(counts)).toBe(10);
    // Reusing the output buffer clears it first.
    expect(aggregate({ codes }, 2, 2, counts)).toBe(counts);
    expect(sum(counts)).toBe(10);
  });

  it('mixes palette colours by the share of each state', () => {
    const palette = paletteOf({ [CLEAN]: [0, 0, 0, 255], [TO_SEND]: [255, 0, 0, 255], [DIRTY]: [0, 255, 0, 255], [SENT_FINAL]: [0, 0, 255, 255], [SKIPPED]: [30, 30, 30, 255], [FAULTED]: [90, 90, 90, 255] });
    const rgba = aggregateRGBA(codes, 2, 2, palette);
    expect(Array.from(rgba.subarray(0, 4))).toEqual([0, 0, 0, 255]);
    expect(Array.from(rgba.subarray(4, 8))).toEqual([85, 85, 85, 255]); // red, green, blue: a third each
    expect(Array.from(rgba.subarray(8, 12))).toEqual([255, 0, 0, 255]);
    expect(Array.from(rgba.subarray(12, 16))).toEqual([40, 40, 40, 255]); // (30 + 90 + 0) / 3
  });

  it('fewer pages than cells: a page per cell, the rest empty', () => {
    const few = Uint8Array.from([TO_SEND, DIRTY, CLEAN]);
    const palette = paletteOf({ [CLEAN]: [1, 2, 3, 4], [TO_SEND]: [5, 6, 7, 8], [DIRTY]: [9, 10, 11, 12] });
    expect(Array.from(aggregateRGBA(few, 3, 2, palette))).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3, 4, ...new Array(12).fill(0)]);
    expect(cellPages(4, 6, 3)).toEqual({ from: 3, to: 3 });
    const counts = aggregate(few, 3, 2);
    expect(counts[0 * PAGE_STATE_COUNT + TO_SEND] + counts[1 * PAGE_STATE_COUNT + DIRTY] + counts[2 * PAGE_STATE_COUNT + CLEAN]).toBe(3);
    expect(sum(counts)).toBe(3);
  });

  it('a 1 GiB map in 512 x 512 cells and in 256 x 128 cells', () => {
    const s = scenario({ dirtyRate: 25_000 });
    const replay = createReplay(s);
    const state = replay.seek(Math.floor(replay.events.length / 2));
    for (const [x, y] of [[512, 512], [256, 128]]) {
      const counts = aggregate(state, x, y);
      expect(sum(counts)).toBe(262_144);
      const totals = new Array<number>(PAGE_STATE_COUNT).fill(0);
      counts.forEach((n, i) => (totals[i % PAGE_STATE_COUNT] += n));
      expect(totals).toEqual(Array.from(state.counts));
      expect(aggregateRGBA(state, x, y)).toHaveLength(4 * x * y);
    }
  });
});
