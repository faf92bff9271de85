// When two different scenarios give the same result, say which settings differ and why the result does
// not: a cap sets the rate for both, both hit the same stop rule after the same iterations, auto-converge
// never acted. The compare table shows this instead of a bare "same".
import { effectiveRate } from '../effective-rate.ts';
import type { RunResult } from '../result.ts';
import { STOP_REASON_TEXT } from '../result.ts';
import type { Scenario } from '../scenario.ts';
import { runCounts, liveText } from './counts.ts';
import { describeDifference, listText } from './describe.ts';
import { formatBitRate, formatDuration, formatMiBps } from './format.ts';

/** Equal within float noise (0.01 % of the larger). */
export function sameNumber(x: number, y: number): boolean {
  return x === y || Math.abs(x - y) <= 1e-4 * Math.max(Math.abs(x), Math.abs(y));
}

export function sameResult(a: RunResult, b: RunResult): boolean {
  return sameNumber(a.migrationTimeS, b.migrationTimeS) && sameNumber(a.downtimeS, b.downtimeS) && a.iterations === b.iterations;
}

/**
 * Null unless the scenarios differ and the results are the same; otherwise one sentence:
 * "Differs in: 200,000 pages/s dirtied, auto-converge on. Same result because both send at 1.07 Gbit/s
 * (QEMU's max-bandwidth 128 MiB/s caps both) and both …".
 */
export function whyEqual(a: Scenario, ra: RunResult, b: Scenario, rb: RunResult): string | null {
  if (!sameResult(ra, rb)) return null;
  const diff = describeDifference(a, b);
  if (!diff) return null;
  const reasons: string[] = [];
  const ea = effectiveRate(a);
  const eb = effectiveRate(b);
  if (a.linkMbps !== b.linkMbps && sameNumber(ea.pagesPerSecond, eb.pagesPerSecond)) {
    reasons.push(
      ea.limiter === 'cap' && eb.limiter === 'cap'
        ? `both are capped at ${formatMiBps(a.maxBandwidthMiBps)} (${formatBitRate(ea.capMbps!)}) by QEMU's max-bandwidth, so the link's speed does not matter`
        : `both send at the same rate (${formatBitRate(ea.memoryMbps)}), set by ${ea.limiter === 'compressor' ? 'the compressor' : 'the link'}`,
    );
  } else if (ea.limiter === 'cap' && eb.limiter === 'cap' && a.maxBandwidthMiBps === b.maxBandwidthMiBps) {
    reasons.push(`both are capped at ${formatMiBps(a.maxBandwidthMiBps)} (${formatBitRate(ea.capMbps!)}) by QEMU's max-bandwidth`);
  }
  if (ra.stopReason === rb.stopReason) {
    const ca = runCounts(ra);
    const after = ca.live > 0 ? ` after ${liveText(ca.live)}` : '';
    let rule = `both stopped for the same reason (${STOP_REASON_TEXT[ra.stopReason]})${after}`;
    if (ra.stopReason === 'no-convergence' && ca.live === 1) {
      const first = ra.perIteration[0];
      rule += `: the first iteration alone took ${formatDuration(first.endS - first.startS)}, past the ${formatDuration(a.timeoutS)} timeout, so nothing after it could change`;
    }
    reasons.push(rule);
  }
  const acA = a.policy === 'qemu' && a.autoConverge;
  const acB = b.policy === 'qemu' && b.autoConverge;
  if (acA !== acB) {
    const on = acA ? ra : rb;
    if (!on.throttle || on.throttle.length === 0) reasons.push('auto-converge never throttled the guest');
  }
  const firstPassDecided = ra.stopReason === 'no-convergence' && runCounts(ra).live === 1;
  if (!firstPassDecided && a.dirtyRate !== b.dirtyRate && ra.stopReason === rb.stopReason && ra.pagesSent === rb.pagesSent) {
    reasons.push('both sent the same number of pages: the higher rate only rewrote pages that were already dirty');
  }
  const why = reasons.length ? listText(reasons) : 'these settings do not change this run';
  return `Differs in ${diff}; same result because ${why}.`;
}
