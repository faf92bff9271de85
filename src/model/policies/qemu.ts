// QEMU/KVM pre-copy (migration/ram.c): whole passes with no skipping; after each pass the dirty bitmap
// is synced, and the switch-over comes once the dirty data could be sent within the downtime limit at
// the migration bandwidth. There is no round cap: past the timeout the run is reported as
// `no-convergence`, with the switch-over forced then (as libvirt's --timeout does) and the downtime it
// needed. Auto-converge throttles the guest as QEMU's defaults do.
import type { RunResult, ThrottleStep } from '../result.ts';
import { wireBytesPerPage } from '../transfer.ts';
import type { Run } from './run.ts';

/** QEMU's auto-converge defaults (cpu-throttle-initial, -increment, max, and the dirty/sent threshold). */
export const AUTO_CONVERGE = { initial: 0.2, increment: 0.1, max: 0.99, threshold: 0.5, periodS: 1, triggers: 2 };

/** A guard for scenarios whose passes are tiny: past this many passes the run does not converge either. */
export const QEMU_MAX_PASSES = 10_000;

export function runQemu(run: Run): RunResult {
  const s = run.s;
  const thresholdPages = run.pagesPerSecond * (s.downtimeLimitMs / 1000);
  const throttle: ThrottleStep[] = [];
  let current = 0; // share of the guest's CPU taken by throttling
  let periodStart = 0;
  let dirtyInPeriod = 0;
  let sentInPeriod = 0;
  let highCount = 0;
  for (;;) {
    const pass = run.pass(false);
    const dirty = run.clean(pass);
    const reason = dirty <= thresholdPages ? 'within-downtime-limit' : run.t >= s.timeoutS || pass.iteration >= QEMU_MAX_PASSES ? 'no-convergence' : null;
    run.observer?.decide(pass, reason);
    if (reason === 'within-downtime-limit') return run.finish(reason, extra());
    if (reason === 'no-convergence') return run.finish(reason, { ...extra(), requiredDowntimeS: dirty / run.pagesPerSecond + s.postS });
    if (s.autoConverge) {
      dirtyInPeriod += dirty * s.pageBytes;
      sentInPeriod += pass.pagesSent * wireBytesPerPage(s);
      if (run.t - periodStart >= AUTO_CONVERGE.periodS) {
        if (dirtyInPeriod > AUTO_CONVERGE.threshold * sentInPeriod && ++highCount >= AUTO_CONVERGE.triggers) {
          highCount = 0;
          // Rounded to whole percent, as QEMU keeps it.
          current = current === 0 ? AUTO_CONVERGE.initial : Math.min(AUTO_CONVERGE.max, Math.round((current + AUTO_CONVERGE.increment) * 100) / 100);
          run.setWriterShare(1 - current);
          throttle.push({ atS: s.preS + run.t, throttle: current });
          run.observer?.throttle(current);
        }
        periodStart = run.t;
        dirtyInPeriod = 0;
        sentInPeriod = 0;
      }
    }
  }

  function extra(): Partial<RunResult> {
    return s.autoConverge ? { throttle } : {};
  }
}
