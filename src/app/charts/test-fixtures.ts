// Hand-built runs for the charts' unit tests, shaped like the simulator's output (Xen policy, 1 GiB VM)
// but independent of it, so the chart tests test the charts and not the model.
import type { IterationRecord, RunResult, StopReason } from '../../model/result.ts';
import { DEFAULT_SCENARIO, type Scenario } from '../../model/scenario.ts';

export const SCENARIO: Scenario = { ...DEFAULT_SCENARIO, preS: 3.78, postS: 0.314 };

export function iteration(
  n: number,
  startS: number,
  endS: number,
  pagesSent: number,
  pagesSkipped: number,
  pagesDirtied: number,
  final = false,
): IterationRecord {
  return { iteration: n, startS, endS, pagesSent, pagesSkipped, pagesDirtied, final };
}

export function runOf(perIteration: IterationRecord[], stopReason: StopReason, postS = SCENARIO.postS): RunResult {
  const last = perIteration[perIteration.length - 1];
  return {
    migrationTimeS: last.endS + postS,
    downtimeS: last.endS - last.startS + postS,
    iterations: perIteration.length,
    pagesSent: perIteration.reduce((n, it) => n + it.pagesSent, 0),
    stopReason,
    perIteration,
  };
}

/** A busy guest on 1 Gbps: shrinking iterations, then the data cap. Total 25.0 s, downtime 1.08 s. */
export const BUSY = runOf(
  [
    iteration(1, 3.78, 12.967, 262144, 0, 183741),
    iteration(2, 12.967, 19.406, 183741, 0, 128788),
    iteration(3, 19.406, 23.92, 128788, 0, 21788),
    iteration(4, 23.92, 24.683, 21788, 0, 0, true),
  ],
  'max-data-factor',
);

/** 300,000 pages/s on 100 Mbps: almost everything skipped for 29 iterations, then the whole VM. */
export const FLOODED = runOf(
  [
    ...Array.from({ length: 29 }, (_, i) => iteration(i + 1, 3.78 + i * 1.0683, 3.78 + (i + 1) * 1.0683, 3072, 259072, 262144)),
    iteration(30, 3.78 + 29 * 1.0683, 3.78 + 29 * 1.0683 + 91.188, 262144, 0, 0, true),
  ],
  'max-iterations',
);

/** An idle guest: one full pass, then iterations of no pages and no time. */
export const IDLE = runOf(
  [
    iteration(1, 3.78, 12.967, 262144, 0, 0),
    iteration(2, 12.967, 12.967, 0, 0, 0),
    iteration(3, 12.967, 12.967, 0, 0, 0, true),
  ],
  'few-dirty-pages',
);

/** 10 Gbps: thirteen iterations shrinking to fractions of a millisecond, and an 11-page stop-and-copy. */
export const TINY = (() => {
  const linkPagesPerS = (7120 * 1e6) / 8 / 4096;
  const sent = [262144, 120645, 55523, 25554, 11760, 5412, 2491, 1146, 528, 243, 112, 51, 24, 11];
  let t = 3.78;
  const its = sent.map((pages, i) => {
    const start = t;
    t += pages / linkPagesPerS;
    const final = i === sent.length - 1;
    return iteration(i + 1, start, t, pages, 0, final ? 0 : sent[i + 1], final);
  });
  return runOf(its, 'few-dirty-pages');
})();

/**
 * Hybrid on 1 Gbps: one live pass, the paused switch-over (state only), the activation, then the
 * post-copy phase of what the pass dirtied. Downtime 0.323 s, degraded 4.6 s.
 */
export const HYBRID: RunResult = {
  migrationTimeS: 17.9,
  downtimeS: 0.009 + 0.314,
  iterations: 3,
  pagesSent: 262144 + 132087,
  stopReason: 'postcopy-hybrid',
  perIteration: [
    iteration(1, 3.78, 12.967, 262144, 0, 132087),
    iteration(2, 12.967, 12.976, 0, 0, 0, true),
    { ...iteration(3, 13.29, 17.9, 132087, 0, 0), phase: 'postcopy' },
  ],
  remoteFaults: 23061,
  degradedS: 4.6,
};

/** QEMU with auto-converge: the throttle rises after passes 2 and 4. */
export const THROTTLED: RunResult = {
  ...runOf(
    [
      iteration(1, 3.78, 12.967, 262144, 0, 183741),
      iteration(2, 12.967, 19.406, 183741, 0, 128788),
      iteration(3, 19.406, 23.92, 128788, 0, 72216),
      iteration(4, 23.92, 26.451, 72216, 0, 40494),
      iteration(5, 26.451, 27.87, 40494, 0, 0, true),
    ],
    'within-downtime-limit',
  ),
  throttle: [
    { atS: 19.406, throttle: 0.2 },
    { atS: 26.451, throttle: 0.3 },
  ],
  guestCpuLostS: 2.1,
};
