import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, simulate, traceFromSeries, type Scenario } from '../../model/index.ts';
import { PageState, createReplay, runEvents, type ReplayEvent } from '../../model/replay/index.ts';
import { replayApi } from '../../workers/replay.worker.ts';
import { GLOSSARY } from './glossary.ts';
import { createReplayClient } from './replayBridge.ts';
import { count, narrate, narrationText, seconds, type StepContext } from './narrate.ts';
import { advance, atEnd, cellGrid, nextStop, prevStop, stepsDue } from './player.ts';

const counts = (over: Partial<Record<number, number>> = {}) => Array.from({ length: 9 }, (_, i) => over[i] ?? 0);

const ctx = (over: Partial<StepContext> = {}): StepContext => ({
  policy: 'xen',
  pages: 262_144,
  granularity: 'batch',
  counts: counts({ [PageState.CLEAN]: 262_144 }),
  iteration: { sent: 0, skipped: 0, startS: 0, batch: 0, batches: 0 },
  totalSent: 0,
  dirtied: { pages: 0, alreadySent: 0, sentEarlier: 0 },
  cleaned: null,
  pagesPerSecond: 28_534,
  run: { migrationTimeS: 33, downtimeS: 1.08, iterations: 8 },
  ...over,
});

const batch = (over: Partial<ReplayEvent> = {}): ReplayEvent =>
  ({ kind: 'batch', atS: 24.56, iteration: 4, writes: 0, from: 12_288, to: 13_312, sent: 1024, skipped: 0, startS: 24.524, endS: 24.56, peek: true, ...over }) as ReplayEvent;

describe('format', () => {
  it('writes counts and seconds for speech', () => {
    expect(count(18204)).toBe('18,204');
    expect(seconds(0.64)).toBe('640 ms');
    expect(seconds(0.0036)).toBe('3.60 ms'); // the summary's digits (issue 11)
    expect(seconds(3.78)).toBe('3.78 s');
    expect(seconds(33.04)).toBe('33.0 s');
    expect(seconds(150)).toBe('150 s');
  });
});

describe('narrate', () => {
  it('tells a batch with its numbers', () => {
    const n = narrate(
      batch(),
      ctx({ counts: counts({ [PageState.DIRTY]: 3112, [PageState.TO_SEND]: 5000 }), iteration: { sent: 12_288, skipped: 0, startS: 24.1, batch: 12, batches: 18 }, dirtied: { pages: 3112, alreadySent: 3000, sentEarlier: 1000 } }),
    );
    expect(n.title).toBe('Iteration 4, batch 12 of 18');
    const text = narrationText(n);
    expect(text).toContain('sent 1,024 pages (pages 12,288–13,311) in 36.0 ms'); // the summary's digits (issue 11)
    expect(text).toContain('5,000 of its to-send list are still waiting');
    expect(text).toContain('3,112 pages dirty');
    expect(text).toContain('3,000 of them already sent, which must go again');
  });

  it('tells a whole iteration when stepping per iteration', () => {
    const split = { pages: 12_880, alreadySent: 3112, sentEarlier: 1200 };
    const at = (policy: StepContext['policy']) =>
      narrationText(narrate(batch({ skipped: 10 }), ctx({ policy, granularity: 'iteration', counts: counts({ [PageState.DIRTY]: 12_000, [PageState.SKIPPED]: 880 }), iteration: { sent: 18_204, skipped: 880, startS: 23.92, batch: 18, batches: 18 }, dirtied: split })));
    expect(narrate(batch(), ctx({ granularity: 'iteration' })).title).toBe('Iteration 4');
    const text = at('xen');
    expect(text).toMatch(/^Iteration 4 sent 18,204 pages in 640 ms and skipped 880 pages/);
    expect(text).toContain('; meanwhile the guest dirtied 12,880 pages, 3,112 of them already sent, which must go again; the other 9,768 were written before their turn came, so they were skipped');
    // Without a peek the pages written before their turn were sent anyway, and still go again.
    expect(at('qemu')).toContain('the other 9,768 were written before their turn came: sent after the write, but still marked dirty in the bitmap, so they go again too.');
    expect(narrationText(narrate(batch(), ctx({ granularity: 'iteration', iteration: { sent: 100, skipped: 0, startS: 24, batch: 1, batches: 1 } })))).toContain('dirtied 0 pages. Nothing has to go again');
  });

  it('tells at a clean how many of the next to_send had already been sent', () => {
    const e: ReplayEvent = { kind: 'clean', atS: 25, iteration: 4, writes: 0, dirtied: 12_880 };
    const text = narrationText(narrate(e, ctx({ cleaned: { pages: 12_880, alreadySent: 3112, sentEarlier: 1200 } })));
    expect(text).toContain('12,880 pages written during iteration 4. 3,112 of them had already been sent (1,912 earlier in this iteration, 1,200 in earlier iterations): the write made the destination');
    expect(text).toContain('The other 9,768 were written while still waiting to be sent (Xen skipped them).');
  });

  it('explains a forced stop with the pages still dirty', () => {
    const e: ReplayEvent = { kind: 'stop-decision', atS: 80, iteration: 29, writes: 0, reason: 'max-iterations', sent: 250_000, skipped: 2, sentAndSkipped: 250_002, dirtied: null, totalSent: 9, precopyS: 70, limits: { maxIterations: 29 } };
    const text = narrationText(narrate(e, ctx({ dirtied: { pages: 240_000, alreadySent: 200_000, sentEarlier: 150_000 }, run: { migrationTimeS: 90, downtimeS: 8.63, iterations: 30 } })));
    expect(text).toBe(
      '29 iterations done: Xen forces the stop-and-copy even though 240,000 pages are still dirty (200,000 of them already sent once and written again) — this is why downtime jumps: ' +
        'the guest rewrites them about as fast as they are sent, so more iterations would hardly shrink them, and every one of them is now sent while the guest is paused. ' +
        "At 28,534 pages/s, sending them takes about 8.41 s with the guest paused; this run's downtime is 8.63 s in all.",
    );
    // A dirty set still shrinking is not said to be stuck.
    const shrinking = narrationText(narrate({ ...e, sentAndSkipped: 500_000 }, ctx({ dirtied: { pages: 240_000, alreadySent: 200_000, sentEarlier: 0 } })));
    expect(shrinking).toContain('this is why downtime jumps: instead of another iteration, every one of them is now sent while the guest is paused.');
  });

  it('marks only glossary terms', () => {
    const n = narrate(batch(), ctx({ iteration: { sent: 1024, skipped: 0, startS: 24.5, batch: 1, batches: 2 } }));
    for (const p of n.parts) if (typeof p !== 'string') expect(GLOSSARY).toHaveProperty([p.term]);
  });

  // Every event of real runs of every policy, with the worker's own numbers: a title, and text with the
  // step's numbers, never NaN or undefined; between them the runs have every kind of event.
  const RUNS: [string, Partial<Scenario>][] = [
    ['xen', { policy: 'xen' }],
    ['xen, converging', { policy: 'xen', dirtyRate: 3000 }],
    ['xen, 29 iterations', { policy: 'xen', dirtyRate: 27_000, maxFactor: 100 }],
    ['xen-v2', { policy: 'xen-v2' }],
    ['qemu, auto-converge', { policy: 'qemu', dirtyRate: 60_000, autoConverge: true }],
    ['qemu, no convergence', { policy: 'qemu', dirtyRate: 60_000, timeoutS: 6 }],
    ['postcopy', { policy: 'postcopy' }],
    ['hybrid', { policy: 'hybrid' }],
  ];
  for (const [name, over] of RUNS) {
    it(`narrates every event of a ${name} run with its numbers`, () => {
      const r = replayApi.load({ ...DEFAULT_SCENARIO, vmMiB: 64, dirtyRate: 20_000, ...over });
      if (!r.ok) throw new Error(r.message);
      const { summary } = r;
      for (const granularity of ['batch', 'iteration'] as const) {
        for (let i = 0; i < summary.events; i++) {
          const f = replayApi.frame(i, 4, 4);
          const c = f.context;
          const n = narrate(f.event, { policy: summary.policy, pages: summary.pages, pagesPerSecond: summary.pagesPerSecond, granularity, counts: f.counts, iteration: c.iteration, totalSent: c.totalSent, dirtied: c.dirtied, cleaned: c.cleaned, run: summary.run });
          const text = narrationText(n);
          const label = `${name}, event ${i} (${f.event.kind}), ${granularity}`;
          expect(n.title.length, label).toBeGreaterThan(0);
          expect(text, label).not.toMatch(/NaN|undefined|null|\[object|(^|\s)–(\s|$)/);
          expect(text, label).toMatch(/\d/);
        }
      }
    });
  }
  it('the runs above cover every event kind and the stop reasons', () => {
    const kinds = new Set<string>();
    const reasons = new Set<string>();
    for (const [, over] of RUNS) {
      for (const e of runEvents({ ...DEFAULT_SCENARIO, vmMiB: 64, dirtyRate: 20_000, ...over })) {
        kinds.add(e.kind);
        if (e.kind === 'stop-decision' && e.reason) reasons.add(e.reason);
      }
    }
    expect([...kinds].sort()).toEqual(['activate', 'batch', 'clean', 'commit', 'end', 'final-copy', 'pause', 'peek', 'pre-migration', 'push', 'stop-decision', 'throttle']);
    expect([...reasons].sort()).toEqual(['few-dirty-pages', 'max-data-factor', 'max-iterations', 'no-convergence', 'postcopy', 'postcopy-hybrid', 'within-downtime-limit']);
  });

  // The worker's split, read off the map instead: at a clean, a page now to send was still waiting
  // to be sent when first written iff the map showed it TO_SEND_DIRTY or SKIPPED during the pass;
  // it was sent in an earlier pass iff it was CLEAN at the clean before.
  for (const over of [{ policy: 'xen' }, { policy: 'xen-v2' }, { policy: 'qemu', pattern: 'uniform', seed: 3, downtimeLimitMs: 5 }] as Partial<Scenario>[]) {
    it(`counts pages dirtied after being sent as the map shows them (${over.policy}, ${over.pattern ?? 'sequential'})`, () => {
      const s: Scenario = { ...DEFAULT_SCENARIO, vmMiB: 16, dirtyRate: 9000, ...over };
      const replay = createReplay(s);
      const r = replayApi.load(s);
      if (!r.ok) throw new Error(r.message);
      const pages = replay.pages;
      const waited = new Uint8Array(pages);
      let cleanBefore = new Uint8Array(pages); // 1: CLEAN at the last clean
      let checked = 0;
      for (let k = 0; k < replay.events.length; k++) {
        const { event, codes } = replay.seek(k);
        if (event.kind === 'pause') break;
        if (event.kind !== 'clean') {
          for (let p = 0; p < pages; p++) if (codes[p] === PageState.TO_SEND_DIRTY || codes[p] === PageState.SKIPPED) waited[p] = 1;
          continue;
        }
        let alreadySent = 0;
        let sentEarlier = 0;
        for (let p = 0; p < pages; p++) {
          if (codes[p] !== PageState.TO_SEND || waited[p]) continue;
          alreadySent++;
          sentEarlier += cleanBefore[p];
        }
        const cleaned = replayApi.frame(k, 4, 4).context.cleaned!;
        expect(cleaned, `clean ${k}`).toEqual({ pages: event.dirtied, alreadySent, sentEarlier });
        const text = narrationText(narrate(event, ctx({ policy: s.policy, pages, cleaned })));
        expect(text).toContain(`${count(alreadySent)} of them had already been sent`);
        cleanBefore = Uint8Array.from(codes, (c) => (c === PageState.CLEAN ? 1 : 0));
        waited.fill(0);
        checked++;
      }
      expect(checked).toBeGreaterThan(1);
    });
  }
});

describe('player', () => {
  const stops = [0, 2, 5, 9];
  it('steps between stops and back to the same place', () => {
    expect(nextStop(stops, 0)).toBe(2);
    expect(nextStop(stops, 3)).toBe(5);
    expect(nextStop(stops, 9)).toBe(9);
    expect(prevStop(stops, 5)).toBe(2);
    expect(prevStop(stops, 4)).toBe(2);
    expect(prevStop(stops, 0)).toBe(0);
    for (const p of stops.slice(0, -1)) expect(prevStop(stops, nextStop(stops, p))).toBe(p);
    expect(advance(stops, 0, 2)).toBe(5);
    expect(advance(stops, 0, 10)).toBe(9);
    expect(atEnd(stops, 9)).toBe(true);
    expect(atEnd(stops, 5)).toBe(false);
  });

  it('owes steps by elapsed time and speed, never a leap after a long pause', () => {
    expect(stepsDue(100, 10, 0)).toEqual({ steps: 1, carry: 0 });
    expect(stepsDue(16, 60, 0.5).steps).toBe(1);
    expect(stepsDue(10_000, 10, 0).steps).toBe(2);
  });

  it('lays a 1 GiB VM out as 512 x 512 cells and small VMs a page per cell', () => {
    expect(cellGrid(262_144)).toEqual({ cellsX: 512, cellsY: 512 });
    expect(cellGrid(2 ** 25)).toEqual({ cellsX: 512, cellsY: 512 });
    expect(cellGrid(16_384)).toEqual({ cellsX: 128, cellsY: 128 });
    const g = cellGrid(1000);
    expect(g.cellsX * g.cellsY).toBeGreaterThanOrEqual(1000);
  });
});

describe('replay worker api', () => {
  it('loads a run and gives frames with the narration numbers', () => {
    const r = replayApi.load({ ...DEFAULT_SCENARIO, vmMiB: 64, dirtyRate: 20_000 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { summary } = r;
    expect(summary.pages).toBe(16_384);
    expect(summary.atS.length).toBe(summary.events);
    const last = summary.stops.iteration[summary.stops.iteration.length - 1];
    const f = replayApi.frame(last, 128, 128);
    expect(f.rgba.length).toBe(128 * 128 * 4);
    expect(f.counts.reduce((a, b) => a + b, 0)).toBe(16_384);
    // A batch's context sums its pass.
    const b = summary.stops.batch.find((i) => replayApi.frame(i, 8, 8).event.kind === 'batch')!;
    const fb = replayApi.frame(b, 8, 8);
    expect(fb.context.iteration.batch).toBe(1);
    expect(fb.context.iteration.batches).toBeGreaterThan(1);
    // The same event gives the same pixels after a detour.
    const again = replayApi.frame(b + 40, 128, 128);
    expect(again.eventIndex).toBe(b + 40);
    expect(Array.from(replayApi.frame(b, 128, 128).rgba)).toEqual(Array.from(replayApi.frame(b, 128, 128).rgba));
  });

  it('replays a trace-driven run with the installed trace, as simulate(s, trace) runs it', async () => {
    const times = Float64Array.from([0, 5, 10, 20]);
    const rates = Float64Array.from([500, 30_000, 2000, 2000]);
    const s: Scenario = { ...DEFAULT_SCENARIO, vmMiB: 64, traceStartS: 2 };
    expect(replayApi.load(s, 'not-installed')).toMatchObject({ ok: false, limit: false, message: expect.stringMatching(/not loaded/) });
    // Through the client, as the app does: installed once per worker, then loaded by id.
    const installs: string[] = [];
    const client = createReplayClient(() => ({
      api: { ...replayApi, installTrace: async (...a: Parameters<typeof replayApi.installTrace>) => (installs.push(a[0]), replayApi.installTrace(...a)), load: async (...a: Parameters<typeof replayApi.load>) => replayApi.load(...a) } as never,
      terminate: () => {},
    }));
    const never = new AbortController().signal;
    const r = await client.load(s, { id: 'rising', times, rates }, never);
    await client.load(s, { id: 'rising', times, rates }, never);
    expect(installs).toEqual(['rising']);
    if (!r.ok) throw new Error(r.message);
    expect(r.summary.traceId).toBe('rising');
    const expected = simulate(s, traceFromSeries(times, rates));
    expect(r.summary.run).toEqual({ migrationTimeS: expected.migrationTimeS, downtimeS: expected.downtimeS, iterations: expected.iterations });
    // The rate profile drives the writes: the same scenario at its constant rate is another run.
    const constant = replayApi.load(s);
    expect(constant.ok && constant.summary.run.migrationTimeS).not.toBe(expected.migrationTimeS);
  });

  it('reports a VM past the replay limit as a value', () => {
    const r = replayApi.load({ ...DEFAULT_SCENARIO, vmMiB: 256 * 1024 });
    expect(r).toMatchObject({ ok: false, limit: true });
  });
});
