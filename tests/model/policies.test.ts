// The other policies (Xen migration v2, QEMU/KVM with auto-converge) and the options every policy
// shares (vCPU limit, zero pages, compression): hand-worked cases and their invariants.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUTO_CONVERGE, DEVICE_STATE_BYTES, XEN_V2_MAX_ROUNDS, linkPagesPerSecond, sendPagesPerSecond, simulate, simulateExact } from '../../src/model/index.ts';
import { expectClose, mbpsFor, pageTable, scenario, vmMiBOf } from './helpers.ts';

// 4096 pages on a link of 1024 pages/s: a full pass takes 4 s. No overheads, so times are the passes'.
const small = (overrides = {}) =>
  scenario({ vmMiB: vmMiBOf(4096), linkMbps: mbpsFor(1024), preS: 0, postS: 0, ...overrides });

describe('Xen migration v2', () => {
  it('sends whole passes and stops after 5 live rounds (hand-worked)', () => {
    // Writer at 512 pages/s, sequential. Each pass sends what the last one dirtied, in half the time:
    // 4096 (4 s, 2048 dirtied), 2048 (2 s, 1024), 1024 (1 s, 512), 512 (0.5 s, 256), 256 (0.25 s, 128).
    // After round 5 the stop-and-copy sends the last 128 pages in 0.125 s.
    const r = simulate(small({ policy: 'xen-v2', dirtyRate: 512 }));
    expect(pageTable(r)).toEqual([
      [4096, 0, 2048],
      [2048, 0, 1024],
      [1024, 0, 512],
      [512, 0, 256],
      [256, 0, 128],
      [128, 0, 0],
    ]);
    expect(r.stopReason).toBe('max-iterations');
    expectClose(r.downtimeS, 0.125);
    expectClose(r.migrationTimeS, 7.875);
    expect(simulateExact(small({ policy: 'xen-v2', dirtyRate: 512 }))).toEqual(r);
  });

  it('stops as soon as fewer than 50 pages are dirty', () => {
    // 4096 pages in 4 s at 10 writes/s leave 40 dirty pages: straight to the stop-and-copy.
    const r = simulate(small({ policy: 'xen-v2', dirtyRate: 10 }));
    expect(pageTable(r)).toEqual([
      [4096, 0, 40],
      [40, 0, 0],
    ]);
    expect(r.stopReason).toBe('few-dirty-pages');
  });

  it('never skips and never runs more than 5 live rounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8192 }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom('sequential', 'uniform', 'hotcold'), (pages, rate, pattern) => {
        const r = simulate(small({ policy: 'xen-v2', vmMiB: vmMiBOf(pages), dirtyRate: rate, pattern }));
        expect(r.iterations).toBeLessThanOrEqual(XEN_V2_MAX_ROUNDS + 1);
        expect(r.perIteration.every((it) => it.pagesSkipped === 0)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('QEMU/KVM', () => {
  it('switches over once what is pending fits the downtime limit, checked every 100 ms (hand-worked)', () => {
    // Bandwidth = the link (1024 pages/s is below 128 MiB/s): a 100 ms period carries 102.4 pages and
    // 300 ms 307.2. Pass 1 is checked at each period: after 38 periods 3891 pages are out and the rest,
    // 205, is under 307.2, so QEMU syncs (t = 3891/1024 s): the writer (512 pages/s) has dirtied
    // floor(512 * 3.7998) = 1945 pages, pages 0..1944, none of them in the rest: 2150 pending, go on.
    // (Before issue 12 the switch-over was checked only at the end of a pass: 4096, 2048, 1024, 512, 256.)
    const r = simulate(small({ policy: 'qemu', dirtyRate: 512 }));
    expect(pageTable(r)[0]).toEqual([3891, 0, 1945]);
    expect(r.perIteration[1].pagesSent).toBeGreaterThanOrEqual(2150 - 307);
    expect(r.stopReason).toBe('within-downtime-limit');
    expect(r.perIteration[r.perIteration.length - 1].pagesSent).toBeLessThan(307.2);
    expect(r.downtimeS).toBeLessThan(0.3);
    expect(r.syncs).toBe(r.iterations + 1);
    expect(simulateExact(small({ policy: 'qemu', dirtyRate: 512 }))).toEqual(r);
  });

  it('sends at the lower of the link and max-bandwidth', () => {
    const fast = scenario({ policy: 'qemu', linkMbps: 10_000 });
    expectClose(sendPagesPerSecond(fast), (128 * 1048576) / 4096);
    expectClose(sendPagesPerSecond({ ...fast, maxBandwidthMiBps: 4096 }), linkPagesPerSecond(10_000, 4096));
  });

  it('does not converge when the working set exceeds bandwidth x downtime limit, and says what downtime it needed', () => {
    // 1 GiB VM on 935 Mbit/s (about 28,534 pages/s; 300 ms carries about 8,560 pages), a 50,000-page
    // working set written uniformly at 100,000 pages/s: each pass leaves nearly all of it dirty.
    const s = scenario({ policy: 'qemu', pattern: 'uniform', wssPages: 50_000, dirtyRate: 100_000 });
    const r = simulate(s);
    expect(r.stopReason).toBe('no-convergence');
    const link = sendPagesPerSecond(s);
    // It gave up when the 150 s timeout expired (to the last whole page before it), mid-pass.
    const lastLive = r.perIteration[r.perIteration.length - 2];
    expect(lastLive.endS - s.preS).toBeCloseTo(150, 3);
    expect(r.requiredDowntimeS!).toBeGreaterThan(45_000 / link + s.postS);
    expect(r.requiredDowntimeS!).toBeGreaterThan(s.downtimeLimitMs / 1000);
    // Required: QEMU's last count of the bitmap (at the last sync) at the bandwidth; the forced copy
    // sends the rest of the pass and what was written since, a little less here.
    expect(r.requiredDowntimeS!).toBeGreaterThanOrEqual(lastLive.pagesSent / link + s.postS);
    expectClose(r.requiredDowntimeS!, r.downtimeS, 0.05);
  });

  it('never sends a final copy above the threshold unless it reports non-convergence', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 65536 }),
        fc.double({ min: 0, max: 2e5, noNaN: true }),
        fc.constantFrom('sequential', 'uniform', 'hotcold'),
        fc.boolean(),
        fc.integer({ min: 10, max: 2000 }),
        (pages, rate, pattern, autoConverge, limitMs) => {
          const s = scenario({ policy: 'qemu', vmMiB: vmMiBOf(pages), dirtyRate: rate, pattern, autoConverge, downtimeLimitMs: limitMs, linkMbps: 100, timeoutS: 60 });
          const r = simulate(s);
          const final = r.perIteration[r.perIteration.length - 1];
          if (r.stopReason !== 'no-convergence') {
            expect(r.stopReason).toBe('within-downtime-limit');
            expect(final.pagesSent).toBeLessThanOrEqual(Math.ceil(sendPagesPerSecond(s) * (limitMs / 1000)) + 1);
          }
          expect(r.iterations).toBeGreaterThanOrEqual(2);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('auto-converge', () => {
  const stuck = scenario({ policy: 'qemu', pattern: 'uniform', wssPages: 50_000, dirtyRate: 100_000 });

  it('throttles a guest that dirties too fast until it converges', () => {
    const r = simulate({ ...stuck, autoConverge: true });
    expect(r.stopReason).toBe('within-downtime-limit');
    const steps = r.throttle!;
    expect(steps[0].throttle).toBe(AUTO_CONVERGE.initial);
    for (let i = 1; i < steps.length; i++) {
      expect(steps[i].throttle).toBeCloseTo(Math.min(0.99, steps[i - 1].throttle + 0.1), 10);
      // A trigger needs two high periods of at least 1 s each.
      expect(steps[i].atS - steps[i - 1].atS).toBeGreaterThanOrEqual(2);
    }
    expect(r.guestCpuLostS!).toBeGreaterThan(0);
    expect(r.migrationTimeS).toBeLessThan(simulate(stuck).migrationTimeS);
  });

  it('never raises the dirty rate: a throttled run dirties no more pages per pass than the same pass unthrottled', () => {
    fc.assert(
      fc.property(fc.double({ min: 1000, max: 5e5, noNaN: true }), fc.integer({ min: 1000, max: 100_000 }), (rate, wss) => {
        const s = scenario({ policy: 'qemu', pattern: 'uniform', wssPages: wss, dirtyRate: rate, timeoutS: 60 });
        const plain = simulate(s);
        const throttled = simulate({ ...s, autoConverge: true });
        const steps = throttled.throttle!;
        for (let i = 1; i < steps.length; i++) expect(steps[i].throttle).toBeGreaterThanOrEqual(steps[i - 1].throttle);
        for (const step of steps) expect(step.throttle).toBeLessThanOrEqual(AUTO_CONVERGE.max);
        // Before the first throttle both runs are the same.
        const firstAt = steps.length ? steps[0].atS : Infinity;
        const before = (r: typeof plain) => r.perIteration.filter((it) => !it.final && it.endS <= firstAt);
        expect(before(throttled)).toEqual(before(plain));
        const lastLive = throttled.perIteration[throttled.perIteration.length - 2];
        expect(lastLive.pagesDirtied).toBeLessThanOrEqual(wss);
      }),
      { numRuns: 40 },
    );
  });
});

describe('vCPU limit of the writer', () => {
  it('is the same run as the dirty rate scaled by the limit, and reports the CPU taken', () => {
    const limited = simulate(scenario({ dirtyRate: 20_000, vcpuLimit: 0.25 }));
    const slower = simulate(scenario({ dirtyRate: 5_000 }));
    expect(pageTable(limited)).toEqual(pageTable(slower));
    const live = limited.perIteration.filter((it) => !it.final).reduce((sum, it) => sum + it.endS - it.startS, 0);
    expectClose(limited.guestCpuLostS!, 0.75 * live);
    expect(limited.migrationTimeS).toBeLessThan(simulate(scenario({ dirtyRate: 20_000 })).migrationTimeS);
  });
});

describe('zero pages and compression', () => {
  it('zero pages shrink what goes on the wire', () => {
    const s = scenario({ zeroFraction: 0.5 });
    const bytes = 0.5 * 8 + 0.5 * 4096;
    expectClose(sendPagesPerSecond(s), (935e6 / 8) / bytes);
    expect(simulate(s).migrationTimeS).toBeLessThan(simulate(scenario()).migrationTimeS);
  });

  it('compression helps until the compressor is the bottleneck', () => {
    const ratio4 = scenario({ compressionRatio: 4 });
    expectClose(sendPagesPerSecond(ratio4), 4 * linkPagesPerSecond(935, 4096));
    // A compressor reading 500 Mbit/s of pages is slower than the link it feeds: it sets the pace.
    const slowCpu = { ...ratio4, compressMbps: 500 };
    expectClose(sendPagesPerSecond(slowCpu), 500e6 / 8 / 4096);
    expect(simulate(slowCpu).migrationTimeS).toBeGreaterThan(simulate(ratio4).migrationTimeS);
  });
});

describe('post-copy and hybrid', () => {
  it('switches over at once: downtime is the state transfer and does not depend on the dirty rate', () => {
    const downtimes = [0, 5_000, 50_000, 1_000_000].map((rate) => simulate(scenario({ policy: 'postcopy', dirtyRate: rate })).downtimeS);
    const state = (DEVICE_STATE_BYTES * 8) / 935e6;
    for (const d of downtimes) expectClose(d, state + 0.314);
  });

  it('sends every page exactly once, pushed or faulted, in about one pass of memory', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom('sequential', 'uniform', 'hotcold'), (pages, rate, pattern) => {
        const s = scenario({ policy: 'postcopy', vmMiB: vmMiBOf(pages), dirtyRate: rate, pattern });
        const r = simulate(s);
        expect(r.pagesSent).toBe(pages);
        expect(r.remoteFaults!).toBeLessThanOrEqual(pages);
        const state = (DEVICE_STATE_BYTES * 8) / (s.linkMbps * 1e6);
        expectClose(r.migrationTimeS, s.preS + state + s.postS + pages / sendPagesPerSecond(s), 1e-6);
        const phase = r.perIteration[r.perIteration.length - 1];
        expect(phase.phase).toBe('postcopy');
        expect(r.degradedS!).toBeLessThanOrEqual(phase.endS - phase.startS + 1e-9);
      }),
      { numRuns: 150 },
    );
  });

  it('a sequential writer slower than the push never faults; a faster one faults on nearly every page', () => {
    expect(simulate(scenario({ policy: 'postcopy', dirtyRate: 5_000 })).remoteFaults).toBe(0);
    expect(simulate(scenario({ policy: 'postcopy', dirtyRate: 1_000_000 })).remoteFaults!).toBeGreaterThan(0.95 * 262_144);
  });

  it('the degraded time ends when the working set has arrived', () => {
    // A 1024-page working set at the start of memory arrives with the first push.
    const r = simulate(scenario({ policy: 'postcopy', pattern: 'uniform', wssPages: 1024, dirtyRate: 100 }));
    expect(r.degradedS!).toBeLessThan(0.1);
  });

  it('hybrid sends one full pass, then only what that pass dirtied', () => {
    const s = scenario({ policy: 'hybrid', dirtyRate: 5_000 });
    const r = simulate(s);
    expect(r.perIteration.map((it) => [it.final, it.phase])).toEqual([
      [false, undefined],
      [true, undefined],
      [false, 'postcopy'],
    ]);
    expect(r.perIteration[0].pagesSent).toBe(262_144);
    expect(r.perIteration[2].pagesSent).toBe(r.perIteration[0].pagesDirtied);
    expect(r.pagesSent).toBe(262_144 + r.perIteration[0].pagesDirtied);
  });

  it('the page-exact run agrees for a sequential writer', () => {
    for (const policy of ['postcopy', 'hybrid'] as const) {
      for (const rate of [0, 300, 3_000, 30_000]) {
        const s = small({ policy, dirtyRate: rate });
        expect(simulateExact(s)).toEqual(simulate(s));
      }
    }
  });
});
