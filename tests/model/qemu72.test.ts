// QEMU 7.2's loop (issue 12): hand-worked cases, properties, and the shared measurements of a real
// QEMU 7.2 as a table with tolerances (src/model/qemu72/compare.ts holds them; docs/VALIDATION.md
// says why each is what it is).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sendPagesPerSecond, simulate, simulateExact, stopCopyPagesPerSecond } from '../../src/model/index.ts';
import { QEMU72_CASES } from '../../src/model/qemu72/cases.ts';
import { QEMU72_TOLERANCE, compareCase } from '../../src/model/qemu72/compare.ts';
import { QEMU72_RUNS } from '../../src/model/qemu72/runs.ts';
import { measuredPointsFor } from '../../src/model/qemu72/points.ts';
import { qemu72Rows } from '../../src/model/validation.ts';
import { expectClose, mbpsFor, pageTable, scenario, vmMiBOf } from './helpers.ts';

// 4096 pages; max-bandwidth 4 MiB/s = 1024 pages/s for the live passes; a link four times faster
// (4096 pages/s) for the stop-and-copy. A 100 ms period carries 102.4 pages, 300 ms 307.2.
const capped = (overrides = {}) =>
  scenario({ policy: 'qemu', vmMiB: vmMiBOf(4096), linkMbps: mbpsFor(4096), maxBandwidthMiBps: 4, preS: 0, postS: 0, ...overrides });

describe('QEMU 7.2 loop, hand-worked', () => {
  it('an idle guest: the stop-and-copy carries the unsent rest, under one threshold, at the link rate', () => {
    // The check at the start of period k+1 sees rest = 4096 - floor(102.4 k); the first rest under
    // 307.2 is after 38 periods: 4096 - 3891 = 205. QEMU syncs (nothing dirty), 205 < 307.2: pause.
    const r = simulate(capped({ dirtyRate: 0 }));
    expect(pageTable(r)).toEqual([
      [3891, 0, 0],
      [205, 0, 0],
    ]);
    expect(r.stopReason).toBe('within-downtime-limit');
    expectClose(r.perIteration[1].startS, 3891 / 1024);
    // At the link's 4096 pages/s, not the cap's 1024.
    expectClose(r.downtimeS, 205 / 4096);
    expectClose(r.migrationTimeS, 3891 / 1024 + 205 / 4096);
    // Setup sync, the sync that found the rest under the threshold, completion.
    expect(r.syncs).toBe(3);
  });

  it('the final copy runs at the link rate even when the link is slower than the cap', () => {
    // Link 1024 pages/s, cap 128 MiB/s: both phases at 1024 pages/s.
    const r = simulate(capped({ dirtyRate: 0, linkMbps: mbpsFor(1024), maxBandwidthMiBps: 128 }));
    expect(pageTable(r)[1]).toEqual([205, 0, 0]);
    expectClose(r.downtimeS, 205 / 1024);
    expect(stopCopyPagesPerSecond(capped())).toBeCloseTo(4096, 9);
    expect(sendPagesPerSecond(capped())).toBeCloseTo(1024, 9);
  });

  it('a timeout expires mid-pass: the guest pauses then and the rest of the pass goes paused', () => {
    // Timeout 2 s: 2048 pages are out (20 periods of 102.4); the writer (100 pages/s) has dirtied
    // pages 0..199, all sent already; the paused copy sends the unsent 2048 and those 200.
    const r = simulate(capped({ dirtyRate: 100, timeoutS: 2 }));
    expect(r.stopReason).toBe('no-convergence');
    expect(pageTable(r)).toEqual([
      [2048, 0, 200],
      [2248, 0, 0],
    ]);
    expectClose(r.perIteration[1].startS, 2);
    expectClose(r.downtimeS, 2248 / 4096);
    // QEMU's last count of the bitmap was the setup's: every page, at the cap's 1024 pages/s.
    expectClose(r.requiredDowntimeS!, 4096 / 1024);
    expect(r.syncs).toBe(1 + 2); // setup, then the forced switch-over's two
    expect(simulateExact(capped({ dirtyRate: 100, timeoutS: 2 }))).toEqual(r);
  });

  it('a mid-pass sync keeps the unsent rest and adds what was written, each page once', () => {
    // Writer at 300 pages/s over a 1000-page working set. Pass 1 syncs at 3891/1024 s with a rest
    // of 205 (pages 3891..4095) and floor(300 * 3.7998) = 1139 writes: all 1000 pages of the working
    // set, none in the rest: 1205 pending, so pass 2 sends 1205 minus its own rest at its sync.
    const r = simulate(capped({ dirtyRate: 300, wssPages: 1000 }));
    expect(pageTable(r)[0]).toEqual([3891, 0, 1000]);
    const exact = simulateExact(capped({ dirtyRate: 300, wssPages: 1000 }));
    expect(exact).toEqual(r);
  });
});

describe('QEMU 7.2 loop, properties', () => {
  it('downtime stays under the limit unless the run reports no-convergence; syncs >= live passes + 2', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 65536 }),
        fc.double({ min: 0, max: 2e5, noNaN: true }),
        fc.constantFrom('sequential', 'uniform', 'hotcold'),
        fc.boolean(),
        fc.integer({ min: 10, max: 2000 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.5, max: 64, noNaN: true }),
        (pages, rate, pattern, autoConverge, limitMs, writerCpu, capMiB) => {
          const s = scenario({ policy: 'qemu', vmMiB: vmMiBOf(pages), dirtyRate: rate, pattern, autoConverge, downtimeLimitMs: limitMs, linkMbps: 400, maxBandwidthMiBps: capMiB, writerCpu, timeoutS: 30 });
          const r = simulate(s);
          if (r.stopReason !== 'no-convergence') {
            expect(r.stopReason).toBe('within-downtime-limit');
            expect(r.downtimeS).toBeLessThanOrEqual(limitMs / 1000 + s.postS + 1e-9);
          }
          expect(r.syncs!).toBeGreaterThanOrEqual(r.iterations - 1 + 2);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('writer-cpu: a writer that needs little CPU is not slowed by the throttle or the vCPU limit until it falls below its share', () => {
    const base = scenario({ policy: 'qemu', pattern: 'uniform', wssPages: 50_000, dirtyRate: 100_000, autoConverge: true, timeoutS: 60 });
    const greedy = simulate(base);
    const frugal = simulate({ ...base, writerCpu: 0.01 });
    expect(greedy.stopReason).toBe('within-downtime-limit');
    expect(frugal.stopReason).toBe('no-convergence');
    // writer-cpu 1 is the old behaviour: the vCPU limit slows the writer in proportion ...
    const limited = { ...base, autoConverge: false, vcpuLimit: 0.5 };
    const times = (r: ReturnType<typeof simulate>) => [r.migrationTimeS, r.downtimeS, r.iterations, r.stopReason];
    expect(times(simulate(limited))).toEqual(times(simulate({ ...limited, dirtyRate: 50_000, vcpuLimit: 1 })));
    // ... and a writer that needs only half a vCPU does not notice a limit to half a vCPU.
    expect(times(simulate({ ...limited, writerCpu: 0.5 }))).toEqual(times(simulate({ ...limited, vcpuLimit: 1 })));
    // Below its share it is slowed by available / needed: 0.25 of a vCPU for a writer needing 0.5.
    expect(times(simulate({ ...limited, vcpuLimit: 0.25, writerCpu: 0.5 }))).toEqual(times(simulate({ ...limited, dirtyRate: 50_000, vcpuLimit: 1 })));
  });
});

describe('a real QEMU 7.2 (shared measurements, link 10000 Mbit/s)', () => {
  it('has every measured run, grouped into cases', () => {
    expect(QEMU72_RUNS).toHaveLength(48);
    expect(QEMU72_CASES).toHaveLength(16);
    expect(QEMU72_TOLERANCE).toEqual({ totalTime: 0.08, data: 0.03, downtimeFactor: 2.5, downtimeMs: 20, syncs: 0.3, requiredDowntime: 0.02 });
  });

  for (const c of QEMU72_CASES) {
    it(`${c.name}: every figure within tolerance`, () => {
      for (const f of compareCase(c).figures) {
        expect(f.ok, `${f.label}: QEMU ${f.qemu} (${f.qemuMin}–${f.qemuMax}), model ${f.model}, tolerance ${f.tolerance}`).toBe(true);
      }
    });
  }

  it('auto-converge: the clock-paced writer never converges, the cpu-bound one does', () => {
    const paced = QEMU72_CASES.find((c) => c.name === '256-128-r50000-ac')!;
    const spin = QEMU72_CASES.find((c) => c.name === '256-128-r50000-ac-spin')!;
    expect(simulate(paced.scenario).stopReason).toBe('no-convergence');
    const r = simulate(spin.scenario);
    expect(r.stopReason).toBe('within-downtime-limit');
    // QEMU converged after throttling to 60 % (twice) or 70 %.
    expect(r.throttle!.at(-1)!.throttle).toBeGreaterThanOrEqual(0.5);
    expect(r.throttle!.at(-1)!.throttle).toBeLessThanOrEqual(0.7);
  });

  it('the downtime of a writing guest stays far under the 300 ms limit, as QEMU\'s 2–56 ms did', () => {
    for (const c of QEMU72_CASES.filter((c) => !c.stalled && !c.calibration)) {
      const r = simulate(c.scenario);
      expect(r.downtimeS * 1000, c.name).toBeLessThan(60);
    }
  });
});

describe('QEMU 7.2 in the app', () => {
  it('the validation view has a row per figure of every case, all within tolerance', () => {
    const rows = qemu72Rows();
    expect(new Set(rows.map((r) => r.id.split('-').slice(1, -1).join('-'))).size).toBe(QEMU72_CASES.length);
    expect(rows.filter((r) => !r.ok).map((r) => r.id)).toEqual([]);
    const idle = rows.find((r) => r.id === 'qemu72-256-128-r0-downtime')!;
    expect(idle.paper).toBe(47); // median of 53, 46, 47 ms
  });

  it('measured points: a scenario of the experiment gets its runs; any other none', () => {
    const c = QEMU72_CASES.find((x) => x.name === '256-128-r5000')!;
    const points = measuredPointsFor(c.scenario);
    // Every 128 MiB/s, 300 ms, clock-paced case: r0, r2000, r5000, r10000, r20000, r50000, 3 runs each.
    expect(points).toHaveLength(18);
    expect(points.filter((p) => p.downtimeS === null)).toHaveLength(3);
    expect(measuredPointsFor({ ...c.scenario, preS: 1 })).toEqual([]);
    expect(measuredPointsFor({ ...c.scenario, writerCpu: 1 })).toEqual([]);
  });
});
