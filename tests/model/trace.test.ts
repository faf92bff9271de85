// Trace-driven runs (HIST model): the CSV parser and its errors, the rate profile against hand-worked
// sums, the wiring into Run (a constant trace must reproduce a constant-rate run exactly), the start-time
// sweep, and the shipped traces (they parse and are byte for byte what the generator makes).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeMapReducePhases, makeNfsRising, makeTraces, TRACES_DIR } from '../../scripts/make-traces.ts';
import { constantRate } from '../../src/model/clock.ts';
import { DEFAULT_SCENARIO, linkPagesPerSecond, simulate, type Scenario } from '../../src/model/index.ts';
import { runQemu } from '../../src/model/policies/qemu.ts';
import { Run } from '../../src/model/policies/run.ts';
import { runXenV2 } from '../../src/model/policies/xen-v2.ts';
import { runXen } from '../../src/model/policies/xen.ts';
import { trackerFor } from '../../src/model/simulate.ts';
import { formatTrace, parseTrace, traceFromSeries, TRACE_MAX_CHARS, TRACE_MAX_ROWS, type Trace } from '../../src/model/trace/parse.ts';
import { meanRate, peakRate, profileForMigration, traceCumulative, traceProfile, traceRateAt } from '../../src/model/trace/profile.ts';
import { startTimeSweep, sweepStarts } from '../../src/model/trace/start-sweep.ts';
import { scenario } from './helpers.ts';

const HEADER = 'time_s,dirty_pages_per_s';

function parsed(text: string): Trace {
  const r = parseTrace(text);
  if (!r.ok) expect.fail(`expected the trace to parse, got ${r.error}`);
  return r.trace;
}

function parseError(text: string): { error: string; line: number } {
  const r = parseTrace(text);
  if (r.ok) expect.fail('expected a parse error, but the trace parsed');
  return { error: r.error, line: r.line };
}

describe('parseTrace: good files', () => {
  it('reads times, rates and the end, with comments and blank lines anywhere', () => {
    const t = parsed(`# a comment\n#second, with "quotes\n\n${HEADER}\n0,100\n\n# mid-file comment\n2,300\n3,50\n`);
    expect(Array.from(t.times)).toEqual([0, 2, 3]);
    expect(Array.from(t.rates)).toEqual([100, 300, 50]);
    expect(t.endS).toBe(3);
    expect(t.comments).toEqual(['a comment', 'second, with "quotes']);
  });

  it('accepts CRLF, a byte-order mark, no final newline, a header in any case with spaces, and spaces around values', () => {
    const t = parsed(`\uFEFF Time_S , Dirty_Pages_Per_S \r\n0, 1.5e3\r\n 0.5 ,2000\r\n1,+0`);
    expect(Array.from(t.times)).toEqual([0, 0.5, 1]);
    expect(Array.from(t.rates)).toEqual([1500, 2000, 0]);
  });

  it('shifts a log that does not start at 0', () => {
    const t = parsed(`${HEADER}\n120,10\n121,20\n125,30\n`);
    expect(Array.from(t.times)).toEqual([0, 1, 5]);
    expect(t.endS).toBe(5);
  });

  it('takes a single row as a constant rate with its end at 0', () => {
    const t = parsed(`${HEADER}\n0,2500\n`);
    expect(t.endS).toBe(0);
    expect(Array.from(t.rates)).toEqual([2500]);
  });

  it('accepts quoted fields', () => {
    const t = parsed(`${HEADER}\n"0","10"\n1,"20"\n`);
    expect(Array.from(t.rates)).toEqual([10, 20]);
  });

  it('round-trips through formatTrace', () => {
    const t = traceFromSeries([0, 1, 2.5, 4], [0, 12.25, 30000, 7], ['made here', '']);
    const back = parsed(formatTrace(t));
    expect(back).toEqual(t);
  });
});

describe('parseTrace: errors name the line and the fault', () => {
  // Lines: 1 comment, 2 blank, 3 header, 4 and 5 good rows, 6 blank, 7 the row under test.
  const withRow = (row: string) => `# test\n\n${HEADER}\n0,100\n1,200\n\n${row}\n3,1\n`;
  const cases: [string, string, RegExp][] = [
    ['a rate that is not a number', '2,abc', /^line 7: rate "abc" is not a number$/],
    ['a time that is not a number', 'two,5', /^line 7: time "two" is not a number$/],
    ['a hexadecimal number', '2,0x10', /^line 7: rate "0x10" is not a number$/],
    ['a negative rate', '2,-5', /^line 7: rate -5 is negative$/],
    ['a negative time', '-2,5', /^line 7: time -2 is negative$/],
    ['NaN', '2,NaN', /^line 7: rate "NaN" is not a number \(NaN\)$/],
    ['Infinity', '2,Infinity', /^line 7: rate "Infinity" is not finite$/],
    ['-inf', '2,-inf', /^line 7: rate "-inf" is not finite$/],
    ['a number too large for a double', '2,1e400', /^line 7: rate "1e400" is too large \(not finite\)$/],
    ['an empty rate', '2,', /^line 7: rate is empty$/],
    ['an empty time', ',5', /^line 7: time is empty$/],
    ['a time going backwards', '0.5,5', /^line 7: time 0.5 is not after the previous row's time 1 \(line 5\); times must increase$/],
    ['a repeated time', '1,5', /^line 7: time 1 is not after the previous row's time 1 \(line 5\)/],
    ['a missing column', '2', /^line 7: expected 2 columns \(time_s, dirty_pages_per_s\), found 1$/],
    ['an extra column', '2,5,7', /^line 7: expected 2 columns \(time_s, dirty_pages_per_s\), found 3$/],
    ['a trailing comma', '2,5,', /found 3$/],
    ['a semicolon instead of a comma', '2;5', /found 1$/],
    ['an unterminated quote', '2,"5', /^line 7: a double quote is not closed$/],
  ];
  for (const [what, row, message] of cases) {
    it(`reports ${what} at its line`, () => {
      const e = parseError(withRow(row));
      expect(e.line).toBe(7);
      expect(e.error).toMatch(message);
    });
  }

  it('reports an unterminated quote without swallowing the following lines', () => {
    // The quote opens a field that runs to the end of its line only; the next line is still read (and is fine).
    const e = parseError(`${HEADER}\n0,1\n"1,2\n2,3\n`);
    expect(e.line).toBe(3);
    expect(e.error).toBe('line 3: a double quote is not closed');
  });

  it('counts columns in quoted lines too, and lines in CRLF files', () => {
    expect(parseError(`${HEADER}\n"0","1","2"\n`)).toEqual({ line: 2, error: 'line 2: expected 2 columns (time_s, dirty_pages_per_s), found 3' });
    expect(parseError(`# c\r\n\r\n${HEADER}\r\n0,1\r\n1,x\r\n`)).toEqual({ line: 5, error: 'line 5: rate "x" is not a number' });
  });

  it('reports a wrong header at its line', () => {
    const e = parseError(`# comment\ntime,rate\n0,1\n`);
    expect(e).toEqual({ line: 2, error: 'line 2: header "time,rate" is not "time_s,dirty_pages_per_s"' });
  });

  it('reports a data row where the header should be', () => {
    expect(parseError(`0,100\n1,200\n`).line).toBe(1);
  });

  it('reports a header with an extra column', () => {
    expect(parseError(`${HEADER},cpu\n0,1,2\n`).error).toMatch(/^line 1: header/);
  });

  it('reports an empty file, a file of comments only and a header with no rows', () => {
    expect(parseError('')).toEqual({ line: 1, error: `line 1: the file is empty; expected the header "${HEADER}"` });
    expect(parseError('# just\n\n# comments\n\n')).toEqual({ line: 3, error: `line 3: no header line "${HEADER}" before the end of the file` });
    expect(parseError('\n\n\n').line).toBe(3);
    expect(parseError(`# c\n${HEADER}\n\n`)).toEqual({ line: 2, error: 'line 2: no data rows after the header' });
  });

  it('refuses a file over the size limit', () => {
    const e = parseError(`${HEADER}\n` + ' '.repeat(TRACE_MAX_CHARS));
    expect(e.line).toBe(1);
    expect(e.error).toMatch(/at most 50 MB/);
  });

  it('refuses more rows than the limit, at the first row past it', () => {
    const rows = Array.from({ length: TRACE_MAX_ROWS + 1 }, (_, i) => `${i},1`);
    const e = parseError(`${HEADER}\n${rows.join('\n')}\n`);
    expect(e.line).toBe(TRACE_MAX_ROWS + 2);
    expect(e.error).toMatch(/more than 2,000,000 data rows/);
    // Exactly at the limit is fine.
    expect(parsed(`${HEADER}\n${rows.slice(0, TRACE_MAX_ROWS).join('\n')}\n`).times.length).toBe(TRACE_MAX_ROWS);
  });
});

describe('traceProfile: writes from a start time', () => {
  // 100 pages/s for 2 s, then 300 for 1 s; the trace ends at 3 s and 40 pages/s holds from then on.
  const trace = traceFromSeries([0, 2, 3], [100, 300, 40]);

  it('sums the intervals from trace time 0', () => {
    const p = traceProfile(trace, 0);
    expect(p.cumulative(0)).toBe(0);
    expect(p.cumulative(1)).toBe(100);
    expect(p.cumulative(2)).toBe(200);
    expect(p.cumulative(2.5)).toBe(350); // 100 * 2 + 300 * 0.5
    expect(p.cumulative(3)).toBe(500);
    expect(p.cumulative(5)).toBe(580); // past the end: 500 + 40 * 2
  });

  it('starts counting at the start time', () => {
    const p = traceProfile(trace, 1);
    expect(p.cumulative(0.5)).toBe(50);
    expect(p.cumulative(1)).toBe(100);
    expect(p.cumulative(1.5)).toBe(250); // 100 * 1 + 300 * 0.5
    expect(p.cumulative(2)).toBe(400);
    expect(p.cumulative(4)).toBe(480); // 400 + 40 * 2
    expect(traceProfile(trace, 2.5).cumulative(1)).toBe(170); // 300 * 0.5 + 40 * 0.5
  });

  it('continues the last rate past the end, also for a start past it', () => {
    expect(traceProfile(trace, 10).cumulative(7)).toBe(280);
  });

  it('scales the writes', () => {
    expect(traceProfile(trace, 1, 0.5).cumulative(1.5)).toBe(125);
    expect(traceProfile(trace, 0, 0).cumulative(100)).toBe(0);
  });

  it('refuses a negative or non-finite start and scale', () => {
    expect(() => traceProfile(trace, -1)).toThrow(RangeError);
    expect(() => traceProfile(trace, NaN)).toThrow(RangeError);
    expect(() => traceProfile(trace, 0, -1)).toThrow(RangeError);
  });

  it('gives the rate and the mean rate over a span', () => {
    expect([-1, 0, 1.99, 2, 2.99, 3, 1e9].map((t) => traceRateAt(trace, t))).toEqual([100, 100, 100, 300, 300, 40, 40]);
    expect(meanRate(trace, 0, 3)).toBeCloseTo(500 / 3, 12);
    expect(meanRate(trace, 1, 2.5)).toBeCloseTo(250 / 1.5, 12);
    expect(meanRate(trace, 2, 2)).toBe(300);
    expect(traceCumulative(trace, 3)).toBe(500);
    expect(peakRate(trace)).toBe(300);
  });

  it('matches a direct sum over the intervals and never decreases (random traces)', () => {
    const traceArb = fc
      .array(fc.tuple(fc.double({ min: 0.001, max: 100, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 30 })
      .map((rows) => {
        let t = 0;
        return traceFromSeries(
          rows.map(([dt], i) => (i === 0 ? 0 : (t += dt))),
          rows.map(([, r]) => r),
        );
      });
    fc.assert(
      fc.property(traceArb, fc.double({ min: 0, max: 3000, noNaN: true }), fc.array(fc.double({ min: 0, max: 3000, noNaN: true }), { minLength: 2, maxLength: 20 }), (tr, start, ts) => {
        const p = traceProfile(tr, start);
        const sorted = [...ts].sort((a, b) => a - b);
        let last = 0;
        for (const t of sorted) {
          const got = p.cumulative(t);
          expect(got).toBeGreaterThanOrEqual(last);
          last = got;
          // Direct: integrate the step function over [start, start + t].
          let direct = 0;
          const n = tr.times.length;
          for (let i = 0; i < n; i++) {
            const lo = Math.max(start, tr.times[i]);
            const hi = Math.min(start + t, i + 1 < n ? tr.times[i + 1] : Infinity);
            if (hi > lo) direct += tr.rates[i] * (hi - lo);
          }
          expect(Math.abs(got - direct)).toBeLessThanOrEqual(1e-9 * Math.max(1, direct) + 1e-6);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('trace runs through the policies', () => {
  const link = linkPagesPerSecond(DEFAULT_SCENARIO.linkMbps, 4096);
  const rates = [0, 1_000, 10_000, 25_000, 28_000, 0.98 * link, link, 40_000, 300_000];
  const runners = { xen: runXen, 'xen-v2': runXenV2, qemu: runQemu } as const;

  it('a one-row trace at a constant rate gives exactly the constant-rate run, from any start', () => {
    for (const policy of ['xen', 'xen-v2', 'qemu'] as const) {
      for (const rate of rates) {
        const s = scenario({ policy, dirtyRate: rate });
        const trace = traceFromSeries([0], [rate]);
        for (const start of [0, 17.25]) {
          const viaTrace = runners[policy](new Run(s, trackerFor(s), traceProfile(trace, start)));
          expect(viaTrace, `${policy} at ${rate} pages/s from ${start} s`).toEqual(simulate(s));
        }
      }
    }
  });

  it('a constant trace of one row per second gives the constant-rate run (sequential, exact)', () => {
    for (const rate of rates) {
      const s = scenario({ dirtyRate: rate });
      const trace = traceFromSeries(
        Array.from({ length: 601 }, (_, i) => i),
        Array.from({ length: 601 }, () => rate),
      );
      for (const start of [0, 3.78, 100]) {
        const viaTrace = runXen(new Run(s, trackerFor(s), traceProfile(trace, start)));
        expect(viaTrace, `${rate} pages/s from ${start} s`).toEqual(simulate(s));
      }
    }
  });

  it('with the random patterns and the vCPU limit as the scale, a one-row trace gives the constant-rate run', () => {
    for (const pattern of ['uniform', 'hotcold'] as const) {
      for (const rate of [5_000, 28_000, 100_000]) {
        const s: Scenario = scenario({ pattern, dirtyRate: rate, vcpuLimit: 0.6, wssPages: 100_000 });
        const plain = runXen(new Run(s, trackerFor(s)));
        const viaTrace = runXen(new Run(s, trackerFor(s), profileForMigration(traceFromSeries([0], [rate]), 42, s)));
        expect(viaTrace).toEqual(plain);
      }
    }
  });

  it('the trace, not the scenario rate, drives the run', () => {
    const s = scenario({ dirtyRate: 0 });
    const busy = runXen(new Run(s, trackerFor(s), traceProfile(traceFromSeries([0], [25_000]), 0)));
    expect(busy).toEqual(simulate(scenario({ dirtyRate: 25_000 })));
    expect(busy.migrationTimeS).toBeGreaterThan(simulate(s).migrationTimeS + 5);
  });

  it('a step trace puts the run between the runs at its two rates, and a late start sees only the second', () => {
    const s = scenario();
    // The first pass takes 9.2 s, so the busy part starts during it.
    const step = traceFromSeries([0, 5], [1_000, 27_000]);
    const run = (start: number) => runXen(new Run(s, trackerFor(s), traceProfile(step, start)));
    const low = simulate(scenario({ dirtyRate: 1_000 }));
    const high = simulate(scenario({ dirtyRate: 27_000 }));
    const mixed = run(0);
    expect(mixed.migrationTimeS).toBeGreaterThan(low.migrationTimeS);
    expect(mixed.migrationTimeS).toBeLessThan(high.migrationTimeS);
    expect(run(5)).toEqual(high);
    expect(run(500)).toEqual(high);
  });

  it('profileForMigration starts dirty logging after the pre-migration overhead', () => {
    const step = traceFromSeries([0, 10], [0, 5_000]);
    const p = profileForMigration(step, 8, { preS: 3.78, vcpuLimit: 0.5 });
    expect(p.cumulative(1)).toBeCloseTo(constantRate(2_500).cumulative(1), 9);
  });
});

describe('startTimeSweep', () => {
  it('uses every row time when the trace has few rows', () => {
    const t = traceFromSeries([0, 1, 5, 6], [1, 2, 3, 4]);
    expect(sweepStarts(t, 200)).toEqual([0, 1, 5, 6]);
    expect(sweepStarts(t, 4)).toEqual([0, 1, 5, 6]);
  });

  it('spaces the starts evenly from 0 to the end otherwise', () => {
    const t = traceFromSeries(
      Array.from({ length: 101 }, (_, i) => i),
      Array.from({ length: 101 }, () => 1),
    );
    expect(sweepStarts(t, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(sweepStarts(t, 1)).toEqual([0]);
    expect(sweepStarts(t).length).toBe(101);
    expect(sweepStarts(t, 11)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(() => sweepStarts(t, 0)).toThrow(RangeError);
    expect(() => sweepStarts(t, 2.5)).toThrow(RangeError);
  });

  it('reports each start and the min and max with where they happen', () => {
    const t = traceFromSeries([0, 10, 20, 30, 40], [5, 1, 9, 9, 2]);
    const seen: number[] = [];
    const sweep = startTimeSweep(t, (startS) => {
      seen.push(startS);
      const r = traceRateAt(t, startS);
      return { migrationTimeS: 10 * r, downtimeS: 100 - r, extra: startS };
    });
    expect(seen).toEqual([0, 10, 20, 30, 40]);
    expect(sweep.points.map((p) => [p.startS, p.result.migrationTimeS, p.result.extra])).toEqual([
      [0, 50, 0],
      [10, 10, 10],
      [20, 90, 20],
      [30, 90, 30],
      [40, 20, 40],
    ]);
    expect(sweep.migrationTimeS).toEqual({ min: { value: 10, atS: 10 }, max: { value: 90, atS: 20 }, mean: 52 });
    expect(sweep.downtimeS).toEqual({ min: { value: 91, atS: 20 }, max: { value: 99, atS: 10 }, mean: 94.8 });
  });

  it('over the model, a quiet-then-busy trace is fastest to migrate early and slowest late (Table IV style)', () => {
    const t = traceFromSeries([0, 60, 120], [500, 27_000, 27_000]);
    const s = scenario();
    const sweep = startTimeSweep(t, (start) => runXen(new Run(s, trackerFor(s), traceProfile(t, start))), 13);
    expect(sweep.points.length).toBe(3);
    expect(sweep.migrationTimeS.min.atS).toBe(0);
    expect(sweep.migrationTimeS.max.value).toBeCloseTo(simulate(scenario({ dirtyRate: 27_000 })).migrationTimeS, 12);
    expect(sweep.downtimeS.max.value).toBeGreaterThan(sweep.downtimeS.min.value);
  });
});

describe('shipped traces', () => {
  const link = linkPagesPerSecond(935, 4096);

  it('are exactly what scripts/make-traces.ts generates (run it after changing the generator)', () => {
    for (const { name, text } of makeTraces()) {
      expect(readFileSync(TRACES_DIR + name, 'utf8'), name).toBe(text);
    }
  });

  it('are deterministic', () => {
    expect(makeNfsRising()).toBe(makeNfsRising());
    expect(makeMapReducePhases()).toBe(makeMapReducePhases());
  });

  it('parse, one row a second, and cross the 1 Gbps link page rate', () => {
    const expected = { 'nfs-rising.csv': 600, 'mapreduce-phases.csv': 900 } as Record<string, number>;
    for (const { name } of makeTraces()) {
      const t = parsed(readFileSync(TRACES_DIR + name, 'utf8'));
      expect(t.endS, name).toBe(expected[name]);
      expect(t.times.length).toBe(expected[name] + 1);
      t.times.forEach((time, i) => expect(time).toBe(i));
      expect(t.comments?.[0]).toMatch(/synthetic/);
      const peak = peakRate(t);
      expect(peak, name).toBeGreaterThan(link);
      expect(peak, name).toBeLessThan(1.5 * link);
      expect(meanRate(t, 0, t.endS), name).toBeLessThan(link);
    }
  });

  it('the NFS trace rises: its last minute is far busier than its first', () => {
    const t = parsed(readFileSync(TRACES_DIR + 'nfs-rising.csv', 'utf8'));
    expect(meanRate(t, 540, 600)).toBeGreaterThan(5 * meanRate(t, 0, 60));
  });
});
