import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, type Scenario } from '../../model/index.ts';
import { PageState, createReplay, stepIndices, type ReplayEvent } from '../../model/replay/index.ts';
import { replayApi } from '../../worker/replay.worker.ts';
import { GLOSSARY } from './glossary.ts';
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
  run: { migrationTimeS: 33, downtimeS: 1.08, iterations: 8 },
  ...over,
});

const batch = (over: Partial<ReplayEvent> = {}): ReplayEvent =>
  ({ kind: 'batch', atS: 24.56, iteration: 4, writes: 0, from: 12_288, to: 13_312, sent: 1024, skipped: 0, startS: 24.524, endS: 24.56, peek: true, ...over }) as ReplayEvent;

describe('format', () => {
  it('writes counts and seconds for speech', () => {
    expect(count(18204)).toBe('18,204');
    expect(seconds(0.64)).toBe('640 ms');
    expect(seconds(0.0036)).toBe('3.6 ms');
    expect(seconds(3.78)).toBe('3.78 s');
    expect(seconds(33.04)).toBe('33.0 s');
    expect(seconds(150)).toBe('150 s');
  });
});

describe('narrate', () => {
  it('tells a batch with its numbers', () => {
    const n = narrate(batch(), ctx({ counts: counts({ [PageState.DIRTY]: 3112, [PageState.TO_SEND]: 5000 }), iteration: { sent: 12_288, skipped: 0, startS: 24.1, batch: 12, batches: 18 } }));
    expect(n.title).toBe('Iteration 4, batch 12 of 18');
    const text = narrationText(n);
    expect(text).toContain('sent 1,024 pages (pages 12,288–13,311) in 36 ms');
    expect(text).toContain('5,000 of its to-send list are still waiting');
    expect(text).toContain('3,112 pages dirty');
  });

  it('tells a whole iteration when stepping per iteration', () => {
    const n = narrate(batch({ skipped: 10 }), ctx({ granularity: 'iteration', counts: counts({ [PageState.DIRTY]: 12_000, [PageState.SKIPPED]: 880 }), iteration: { sent: 18_204, skipped: 880, startS: 23.92, batch: 18, batches: 18 } }));
    expect(n.title).toBe('Iteration 4');
    const text = narrationText(n);
    expect(text).toMatch(/^Iteration 4 sent 18,204 pages in 640 ms and skipped 880 pages/);
    expect(text).toContain('12,880 pages are now dirty');
  });

  it('explains a forced stop with the pages still dirty', () => {
    const e: ReplayEvent = { kind: 'stop-decision', atS: 80, iteration: 29, writes: 0, reason: 'max-iterations', sent: 1, skipped: 2, sentAndSkipped: 3, dirtied: null, totalSent: 9, precopyS: 70, limits: { maxIterations: 29 } };
    const text = narrationText(narrate(e, ctx({ counts: counts({ [PageState.DIRTY]: 200_000, [PageState.SKIPPED]: 40_000 }) })));
    expect(text).toBe('29 iterations done: Xen forces the stop-and-copy even though 240,000 pages are still dirty — this is why downtime jumps.');
  });

  it('marks only glossary terms', () => {
    const n = narrate(batch(), ctx({ iteration: { sent: 1024, skipped: 0, startS: 24.5, batch: 1, batches: 2 } }));
    for (const p of n.parts) if (typeof p !== 'string') expect(GLOSSARY).toHaveProperty([p.term]);
  });

  // Every event of real runs of every policy gets a title and text without NaN or undefined.
  for (const policy of ['xen', 'xen-v2', 'qemu', 'postcopy', 'hybrid'] as const) {
    it(`narrates every event of a ${policy} run`, () => {
      const s: Scenario = { ...DEFAULT_SCENARIO, vmMiB: 64, dirtyRate: 20_000, policy };
      const replay = createReplay(s);
      for (const granularity of ['batch', 'iteration'] as const) {
        for (const i of stepIndices(replay.events, 'event')) {
          const state = replay.seek(i);
          const n = narrate(state.event, ctx({ policy, pages: replay.pages, granularity, counts: state.counts, iteration: { sent: 1, skipped: 0, startS: 0, batch: 1, batches: 1 } }));
          const text = narrationText(n);
          expect(n.title.length).toBeGreaterThan(0);
          expect(text).not.toMatch(/NaN|undefined|null|\[object/);
        }
      }
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

  it('reports a VM past the replay limit as a value', () => {
    const r = replayApi.load({ ...DEFAULT_SCENARIO, vmMiB: 256 * 1024 });
    expect(r).toMatchObject({ ok: false, limit: true });
  });
});
