// Small cases worked out by hand, page by page, and checked against both the fast path (simulate) and
// the page-by-page walk (simulateExact). Links are chosen so a page (or a batch of 1024 pages) takes a
// round number of seconds, so every time below is an exact binary fraction.
//
// Notation: N pages, link L pages/s, rate R writes/s (sequential writer: write k hits page k mod W),
// t = seconds since iteration 1 started (reported times add preS = 1; postS = 0.5 throughout).
// A peek before a batch at time t holds the pages written by writes cleanWrites .. floor(R t) - 1,
// where cleanWrites = floor(R t_clean) at the last clean. The first batch of an iteration starts at
// the clean instant, so its peek is always empty.
import { describe, expect, it } from 'vitest';
import { bounds, linkPagesPerSecond, pagesOf, simulate, simulateExact, type RunResult, type Scenario, type StopReason } from '../../src/model/index.ts';
import { expectClose, expectSameRun, mbpsFor, pageTable, scenario, vmMiBOf } from './helpers.ts';

const PRE = 1;
const POST = 0.5;

interface Expected {
  /** [sent, skipped, dirtied] per iteration, final included. */
  table: [number, number, number][];
  /** End of each iteration in seconds since iteration 1 started. */
  ends: number[];
  stop: StopReason;
}

/** A scenario of `pages` 4 KiB pages on a link of `linkPages` pages/s, sequential writer at `rate`. */
function small(pages: number, linkPages: number, rate: number, extra: Partial<Scenario> = {}, pageBytes = 4096): Scenario {
  const s = scenario({
    vmMiB: vmMiBOf(pages, pageBytes),
    pageBytes,
    linkMbps: mbpsFor(linkPages, pageBytes),
    dirtyRate: rate,
    pattern: 'sequential',
    preS: PRE,
    postS: POST,
    ...extra,
  });
  // Preconditions of the hand working: the page count and the link page rate are exact.
  expect(pagesOf(s.vmMiB, s.pageBytes)).toBe(pages);
  expect(linkPagesPerSecond(s.linkMbps, s.pageBytes)).toBe(linkPages);
  return s;
}

/** Checks a run (fast path and page-by-page walk) against a hand-worked table. */
function check(s: Scenario, want: Expected): RunResult {
  const fast = simulate(s);
  const exact = simulateExact(s);
  for (const [name, r] of [
    ['simulate', fast],
    ['simulateExact', exact],
  ] as const) {
    expect(pageTable(r), name).toEqual(want.table);
    expect(r.iterations, name).toBe(want.table.length);
    expect(r.stopReason, name).toBe(want.stop);
    expect(r.pagesSent, name).toBe(want.table.reduce((sum, row) => sum + row[0], 0));
    expect(
      r.perIteration.map((it) => it.final),
      name,
    ).toEqual(want.table.map((_, i) => i === want.table.length - 1));
    const starts = [0, ...want.ends.slice(0, -1)];
    r.perIteration.forEach((it, i) => {
      expectClose(it.startS, PRE + starts[i], 1e-12, `${name} iteration ${i + 1} start`);
      expectClose(it.endS, PRE + want.ends[i], 1e-12, `${name} iteration ${i + 1} end`);
    });
    const last = want.ends[want.ends.length - 1];
    const finalDuration = last - (want.ends[want.ends.length - 2] ?? 0);
    expectClose(r.migrationTimeS, PRE + last + POST, 1e-12, `${name} migration time`);
    expectClose(r.downtimeS, finalDuration + POST, 1e-12, `${name} downtime`);
  }
  expectSameRun(fast, exact);
  return fast;
}

const repeat = <T,>(n: number, row: T): T[] => Array.from({ length: n }, () => row);

describe('a 16-page VM (one batch per iteration, so nothing is ever skipped)', () => {
  // vmMiB = 16 * 4096 / 2^20 = 0.0625; link 1 page/s = 4096 * 8 / 1e6 = 0.032768 Mbit/s.
  it('R = 0.5 pages/s, minDirtyPages 2: the dirty set halves each iteration', () => {
    // it1: sends 16 pages, t 0 -> 16; floor(0.5 * 16) = 8 writes: pages 0..7 dirty.
    // it2: sends 8, t -> 24; writes 8..11 -> 4 dirty.   it3: sends 4, t -> 28; writes 12, 13 -> 2.
    // it4: sends 2, t -> 30; floor(15) = 15: write 14 -> 1 dirty (2 >= 2, go on).
    // it5: sends 1, t -> 31; floor(15.5) = 15, no new write -> 0 dirty; 1 < 2: few-dirty-pages.
    // it6 (final): sends 0, t stays 31.  Migration 1 + 31 + 0.5 = 32.5 s, downtime 0.5 s.
    check(small(16, 1, 0.5, { minDirtyPages: 2 }), {
      table: [
        [16, 0, 8],
        [8, 0, 4],
        [4, 0, 2],
        [2, 0, 1],
        [1, 0, 0],
        [0, 0, 0],
      ],
      ends: [16, 24, 28, 30, 31, 31],
      stop: 'few-dirty-pages',
    });
  });

  it('R = 3 pages/s over a 4-page working set: 16 < 50 stops pre-copy after one iteration', () => {
    // it1: sends 16, t -> 16; 48 writes over pages 0..3 -> 4 dirty; 16 + 0 < 50: few-dirty-pages.
    // it2 (final): sends the 4 pages, t -> 20. Migration 21.5 s, downtime 4.5 s.
    check(small(16, 1, 3, { wssPages: 4 }), {
      table: [
        [16, 0, 4],
        [4, 0, 0],
      ],
      ends: [16, 20],
      stop: 'few-dirty-pages',
    });
  });

  it('R = 2 pages/s (twice the link), minDirtyPages 0: whole VM every iteration until the 3x cap', () => {
    // Each iteration sends all 16 pages in 16 s while 32 writes dirty all 16 again.
    // Totals 16, 32, 48 (not > 48), 64 > 48: max-data-factor after it4; it5 sends 16. 5N = 80 pages.
    const s = small(16, 1, 2, { minDirtyPages: 0 });
    const r = check(s, {
      table: [...repeat(4, [16, 0, 16] as [number, number, number]), [16, 0, 0]],
      ends: [16, 32, 48, 64, 80],
      stop: 'max-data-factor',
    });
    // One page time over Eq. 3's upper bound (5N - 1)/L.
    expectClose(r.migrationTimeS - bounds(s).migrationTimeS.upper, 1, 1e-12);
  });
});

describe('several batches: 4096 pages on a link of 1024 pages/s (a batch takes exactly 1 s)', () => {
  // vmMiB = 16; linkMbps = 1024 * 4096 * 8 / 1e6 = 33.554432.

  it('R = 2048: half of each iteration is skipped', () => {
    // it1: batch 1 (t=0, empty peek) sends 0..1023, t=1. Peek at t=1: 2048 writes, pages 0..2047:
    //   1024..2047 skipped, 2048..3071 sent, t=2. Peek at t=2: 4096 writes, every page: 3072..4095
    //   skipped. Sent 2048, skipped 2048; clean at t=2 finds all 4096 dirty (cleanWrites = 4096).
    // Every later iteration starts at a multiple of 4096 writes, so it repeats it1 exactly.
    // Totals 2048 i: 12288 after it6 is not > 3N = 12288, 14336 after it7 is: max-data-factor.
    // it8 (final) sends 4096 in 4 s: t 14 -> 18. Migration 19.5 s, downtime 4.5 s.
    check(small(4096, 1024, 2048), {
      table: [...repeat(7, [2048, 2048, 4096] as [number, number, number]), [4096, 0, 0]],
      ends: [2, 4, 6, 8, 10, 12, 14, 18],
      stop: 'max-data-factor',
    });
  });

  it('R = 1536: skips of partial batches, wrap-around of the writer and of to_send', () => {
    // it1 (t=0): b1 sends 0..1023, t=1. Peek 1536 writes = 0..1535: skip 1024..1535 (512), send
    //   1536..2559, t=2. Peek 3072 writes = 0..3071: skip 2560..3071 (512), send 3072..4095, t=3.
    //   Sent 3072, skipped 1024. Clean: floor(1536*3) = 4608 writes >= 4096: all dirty.
    // it2 (t=3, cleanWrites 4608 = page 512 after one lap): b1 sends 0..1023, t=4. Peek 1536 writes
    //   from page 512 = 512..2047: skip 1024..2047 (1024), send 2048..3071, t=5. Peek 3072 writes =
    //   512..3583: skip 3072..3583 (512), send 3584..4095 (512), t=5.5. Sent 2560, skipped 1536.
    //   Clean: floor(1536*5.5) = 8448, 3840 writes from page 512 = 512..4095 and 0..255: 3840 dirty.
    // it3 (t=5.5, cleanWrites 8448 = page 256): to_send = 0..255, 512..4095. b1 sends 0..255 and
    //   512..1279 (1024), t=6.5. Peek 1536 writes from 256 = 256..1791: skip 1280..1791 (512), send
    //   1792..2815, t=7.5. Peek 3072 writes = 256..3327: skip 2816..3327 (512), send 3328..4095 (768),
    //   t=8.25. Sent 2816, skipped 1024. Clean: floor(1536*8.25) = 12672, 4224 writes: all dirty.
    // it4 (t=8.25, cleanWrites 12672 = page 384): b1 sends 0..1023, t=9.25. Peek 1536 writes =
    //   384..1919: skip 1024..1919 (896), send 1920..2943, t=10.25. Peek 3072 writes = 384..3455:
    //   skip 2944..3455 (512), send 3456..4095 (640), t=10.875. Sent 2688, skipped 1408.
    //   Clean: floor(1536*10.875) = 16704, 4032 writes from 384: 384..4095 and 0..319, 4032 dirty.
    //   Total so far 3072 + 2560 + 2816 + 2688 = 11136 <= 12288.
    // it5 (t=10.875, cleanWrites 16704 = page 320): to_send = 0..319, 384..4095. b1 sends 0..319 and
    //   384..1087 (1024), t=11.875. Peek 1536 writes = 320..1855: skip 1088..1855 (768), send
    //   1856..2879, t=12.875. Peek 3072 writes = 320..3391: skip 2880..3391 (512), send 3392..4095
    //   (704), t=13.5625. Sent 2752, skipped 1280. Total 13888 > 12288: max-data-factor.
    //   Clean: floor(1536*13.5625) = 20832, 4128 writes: all 4096 dirty.
    // it6 (final): 4096 pages in 4 s, t=17.5625. Migration 19.0625 s, downtime 4.5 s.
    check(small(4096, 1024, 1536), {
      table: [
        [3072, 1024, 4096],
        [2560, 1536, 3840],
        [2816, 1024, 4096],
        [2688, 1408, 4032],
        [2752, 1280, 4096],
        [4096, 0, 0],
      ],
      ends: [3, 5.5, 8.25, 10.875, 13.5625, 17.5625],
      stop: 'max-data-factor',
    });
  });

  it('R = L = 1024 exactly: 5N pages, one page more than Eq. 3 allows', () => {
    // The writer is exactly at the walk: the peek at t=k holds pages 0..1024k-1, all behind the walk
    // (which is at page 1024k), so nothing is skipped; each iteration sends 4096 pages in 4 s and the
    // 4096 writes dirty all pages again. Totals 4096, 8192, 12288 (= 3N, and the cap needs > 3N),
    // 16384 > 12288 after it4: max-data-factor. it5 sends 4096. Total 5N = 20480 pages in 20 s.
    // Eq. 3's upper bound is pre + post + (5N - 1)/L: MODEL's strict '>' lets pre-copy reach exactly
    // 3N before the cap, and then one more full pass and a full stop-and-copy send 5N, not 5N - 1.
    const s = small(4096, 1024, 1024);
    const r = check(s, {
      table: [...repeat(4, [4096, 0, 4096] as [number, number, number]), [4096, 0, 0]],
      ends: [4, 8, 12, 16, 20],
      stop: 'max-data-factor',
    });
    expect(r.pagesSent).toBe(5 * 4096);
    expectClose(r.migrationTimeS - bounds(s).migrationTimeS.upper, 1 / 1024, 1e-9);
  });

  it('R = 512 (half the link): geometric convergence to few-dirty-pages', () => {
    // it1: 4 batches, the writer (512/s) stays behind the walk: sent 4096, t=4; 2048 writes: 0..2047.
    // it2: to_send 0..2047. b1 sends 0..1023, t=5; peek = writes 2048..2559 = pages 2048..2559, not
    //   in to_send; b2 sends 1024..2047, t=6. Dirty: writes 2048..3071 -> 1024 pages.
    // it3: 1024 pages, t=7, 512 dirty (3072..3583). it4: 512, t=7.5, 256 dirty. it5: 256, t=7.75, 128.
    // it6: 128, t=7.875, 64. it7: 64, t=7.9375, 32. it8: 32 < 50, t=7.96875, 16 dirty: few-dirty-pages.
    // it9 (final): 16 pages, t=7.984375. Migration 9.484375 s, downtime 0.515625 s.
    check(small(4096, 1024, 512), {
      table: [
        [4096, 0, 2048],
        [2048, 0, 1024],
        [1024, 0, 512],
        [512, 0, 256],
        [256, 0, 128],
        [128, 0, 64],
        [64, 0, 32],
        [32, 0, 16],
        [16, 0, 0],
      ],
      ends: [4, 6, 7, 7.5, 7.75, 7.875, 7.9375, 7.96875, 7.984375],
      stop: 'few-dirty-pages',
    });
  });

  it('batch effect: 1025 pages at R = 2048, page 1024 always waits for a peek and is skipped', () => {
    // vmMiB = 1025 * 4096 / 2^20 = 4.00390625. Each iteration: b1 (empty peek) sends 0..1023 in 1 s;
    // by then 2048 >= 1025 writes have dirtied every page, so page 1024 is skipped. Sent 1024,
    // skipped 1, 1025 dirty. Totals 1024 i: 3072 <= 3075 after it3, 4096 > 3075 after it4.
    // it5 (final): 1025 pages, 1025/1024 s.
    check(small(1025, 1024, 2048), {
      table: [...repeat(4, [1024, 1, 1025] as [number, number, number]), [1025, 0, 0]],
      ends: [1, 2, 3, 4, 4 + 1025 / 1024],
      stop: 'max-data-factor',
    });
    // With 1024 pages the same writer never causes a skip: one batch is the whole VM.
    check(small(1024, 1024, 2048), {
      table: [...repeat(4, [1024, 0, 1024] as [number, number, number]), [1024, 0, 0]],
      ends: [1, 2, 3, 4, 5],
      stop: 'max-data-factor',
    });
  });

  it('does not depend on the page size once counted in pages (2 MiB pages)', () => {
    // Same as R = 2048 above, with 4096 pages of 2 MiB (an 8 GiB VM) and a link of 1024 such pages/s.
    check(small(4096, 1024, 2048, {}, 2_097_152), {
      table: [...repeat(7, [2048, 2048, 4096] as [number, number, number]), [4096, 0, 0]],
      ends: [2, 4, 6, 8, 10, 12, 14, 18],
      stop: 'max-data-factor',
    });
  });
});

describe('stop conditions and their parameters (4096 pages, L = 1024 pages/s)', () => {
  it('max-iterations: R = 2048 with the data cap raised to 100x', () => {
    // Iterations repeat the R = 2048 pattern (2048 sent, 2048 skipped, 4096 dirty, 2 s each) until the
    // limit: after it29 (29 >= 29) the stop-and-copy comes; 29 * 2048 = 59392 < 409600.
    check(small(4096, 1024, 2048, { maxFactor: 100 }), {
      table: [...repeat(29, [2048, 2048, 4096] as [number, number, number]), [4096, 0, 0]],
      ends: [...Array.from({ length: 29 }, (_, i) => 2 * (i + 1)), 62],
      stop: 'max-iterations',
    });
  });

  it('maxIterations = 3: the stop-and-copy is the 4th iteration', () => {
    check(small(4096, 1024, 2048, { maxIterations: 3 }), {
      table: [...repeat(3, [2048, 2048, 4096] as [number, number, number]), [4096, 0, 0]],
      ends: [2, 4, 6, 10],
      stop: 'max-iterations',
    });
  });

  it('minDirtyPages = 0 never trips: R = 512 runs to the iteration limit', () => {
    // Continuing R = 512 past it8: it9 sends 16, t=7.984375, floor(512 t) = 4088: 8 dirty;
    // it10: 8, t=7.9921875, 4092: 4 dirty; it11: 4, 4094: 2; it12: 2, t=7.998046875, 4095: 1;
    // it13: 1, t=7.9990234375, floor(4095.5) = 4095: 0 dirty; it14..it29 send nothing; it30 final.
    const halving = [4096, 2048, 1024, 512, 256, 128, 64, 32, 16, 8, 4, 2, 1];
    const table = halving.map((sent, i) => [sent, 0, halving[i + 1] ?? 0] as [number, number, number]);
    const ends: number[] = [];
    let t = 0;
    for (const sent of halving) ends.push((t += sent / 1024));
    check(small(4096, 1024, 512, { minDirtyPages: 0 }), {
      table: [...table, ...repeat(17, [0, 0, 0] as [number, number, number])],
      ends: [...ends, ...repeat(17, t)],
      stop: 'max-iterations',
    });
  });

  it('minDirtyPages = 1000: pre-copy ends after the first iteration under 1000 pages', () => {
    // 4096, 2048, 1024 (>= 1000), 512 < 1000: stop after it4; it5 sends the 256 dirtied in it4.
    check(small(4096, 1024, 512, { minDirtyPages: 1000 }), {
      table: [
        [4096, 0, 2048],
        [2048, 0, 1024],
        [1024, 0, 512],
        [512, 0, 256],
        [256, 0, 0],
      ],
      ends: [4, 6, 7, 7.5, 7.75],
      stop: 'few-dirty-pages',
    });
  });

  it('maxFactor = 1 and 0', () => {
    // maxFactor 1: 4096 is not > 4096 after it1; 6144 > 4096 after it2; it3 sends 1024.
    check(small(4096, 1024, 512, { maxFactor: 1 }), {
      table: [
        [4096, 0, 2048],
        [2048, 0, 1024],
        [1024, 0, 0],
      ],
      ends: [4, 6, 7],
      stop: 'max-data-factor',
    });
    // maxFactor 0: anything sent trips it; it2 is the stop-and-copy of the 2048 dirty pages.
    check(small(4096, 1024, 512, { maxFactor: 0 }), {
      table: [
        [4096, 0, 2048],
        [2048, 0, 0],
      ],
      ends: [4, 6],
      stop: 'max-data-factor',
    });
  });

  it('when several conditions hold at once, the reason is the first in the paper order', () => {
    // After it1 of R = 512: sent + skipped = 4096, iteration 1, total 4096.
    // Few pages (< 5000), iteration limit (1 >= 1) and data cap (> 0) all hold: few-dirty-pages.
    const all = simulate(small(4096, 1024, 512, { minDirtyPages: 5000, maxIterations: 1, maxFactor: 0 }));
    expect([all.iterations, all.stopReason]).toEqual([2, 'few-dirty-pages']);
    // Iteration limit and data cap: max-iterations.
    const two = simulate(small(4096, 1024, 512, { maxIterations: 1, maxFactor: 0 }));
    expect([two.iterations, two.stopReason]).toEqual([2, 'max-iterations']);
  });
});

describe('a working set smaller than the VM', () => {
  it('W = 1024 at R = 2048: after iteration 1 only the working set is ever resent', () => {
    // it1: the writer laps pages 0..1023 (behind the walk) while the walk sends all 4096 pages in
    //   4 s without a skip; dirty at the clean: the 1024 working-set pages.
    // it2..: one batch of the 1024 pages in 1 s, 2048 writes re-dirty all of them.
    // Totals 4096 + 1024 (i - 1) > 12288 first at i = 10 (13312): it11 sends 1024.
    check(small(4096, 1024, 2048, { wssPages: 1024 }), {
      table: [[4096, 0, 1024], ...repeat(9, [1024, 0, 1024] as [number, number, number]), [1024, 0, 0]],
      ends: [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
      stop: 'max-data-factor',
    });
  });

  it('W = 2048 at R = 4096: pages of the working set are skipped, the rest never are', () => {
    // it1: b1 sends 0..1023, t=1; peek 4096 writes covers the whole working set 0..2047: skip
    //   1024..2047; b2 sends 2048..3071 (outside W), t=2; b3 sends 3072..4095, t=3. Sent 3072,
    //   skipped 1024, 2048 dirty.
    // it2..: b1 sends 0..1023 in 1 s, after which all of W is dirty again: 1024..2047 skipped.
    // Totals 3072 + 1024 (i - 1) > 12288 first at i = 11 (13312); it12 sends the 2048 pages of W.
    check(small(4096, 1024, 4096, { wssPages: 2048 }), {
      table: [[3072, 1024, 2048], ...repeat(10, [1024, 1024, 2048] as [number, number, number]), [2048, 0, 0]],
      ends: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15],
      stop: 'max-data-factor',
    });
  });

  it('W = 1024 at R = 100: converges on the working set', () => {
    // it1: 4 s, 400 writes: pages 0..399. it2: 400 pages, t = 4 + 400/1024 = 4.390625,
    // floor(439.0625) = 439: pages 400..438, 39 dirty. it3: 39 pages, t = 4.4287109375,
    // floor(442.87) = 442: 3 dirty; 39 < 50: few-dirty-pages. it4 sends 3: t = 4538/1024.
    check(small(4096, 1024, 100, { wssPages: 1024 }), {
      table: [
        [4096, 0, 400],
        [400, 0, 39],
        [39, 0, 3],
        [3, 0, 0],
      ],
      ends: [4, 4496 / 1024, 4535 / 1024, 4538 / 1024],
      stop: 'few-dirty-pages',
    });
  });
});
