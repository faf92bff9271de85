// Shared helpers of the model tests (not a test file itself).
import { expect } from 'vitest';
import { DEFAULT_SCENARIO, MIB, type IterationRecord, type RunResult, type Scenario } from '../../src/model/index.ts';

/** VM size in MiB that holds exactly `pages` pages (exact in binary for power-of-two page sizes). */
export function vmMiBOf(pages: number, pageBytes = 4096): number {
  return (pages * pageBytes) / MIB;
}

/** Link goodput in Mbit/s that carries `pagesPerSecond` pages of `pageBytes` per second. */
export function mbpsFor(pagesPerSecond: number, pageBytes = 4096): number {
  return (pagesPerSecond * pageBytes * 8) / 1e6;
}

export function scenario(overrides: Partial<Scenario> = {}): Scenario {
  return { ...DEFAULT_SCENARIO, ...overrides };
}

/** |a - b| relative to the larger magnitude (0 when both are 0). */
export function relErr(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

/** Expects `actual` to equal `expected` to `rel` relative error (or 1e-12 absolute near zero). */
export function expectClose(actual: number, expected: number, rel = 1e-9, label = ''): void {
  const ok = Math.abs(actual - expected) <= rel * Math.max(Math.abs(actual), Math.abs(expected)) + 1e-12;
  if (!ok) expect.fail(`${label ? label + ': ' : ''}${actual} is not within ${rel} (relative) of ${expected}`);
}

/** [sent, skipped, dirtied] per iteration, the per-iteration table of a run. */
export function pageTable(r: RunResult): [number, number, number][] {
  return r.perIteration.map((it: IterationRecord) => [it.pagesSent, it.pagesSkipped, it.pagesDirtied]);
}

/** Per-iteration [startS, endS] in seconds. */
export function timeTable(r: RunResult): [number, number][] {
  return r.perIteration.map((it) => [it.startS, it.endS]);
}

/** Expects two runs to agree page for page, and in time to `rel`. */
export function expectSameRun(fast: RunResult, exact: RunResult, rel = 1e-9, label = ''): void {
  const strip = (r: RunResult) => ({
    iterations: r.iterations,
    stopReason: r.stopReason,
    pagesSent: r.pagesSent,
    perIteration: r.perIteration.map(({ iteration, pagesSent, pagesSkipped, pagesDirtied, final }) => ({
      iteration,
      pagesSent,
      pagesSkipped,
      pagesDirtied,
      final,
    })),
  });
  expect(strip(fast), label).toEqual(strip(exact));
  expectClose(fast.migrationTimeS, exact.migrationTimeS, rel, `${label} migrationTimeS`);
  expectClose(fast.downtimeS, exact.downtimeS, rel, `${label} downtimeS`);
  fast.perIteration.forEach((it, i) => {
    expectClose(it.startS, exact.perIteration[i].startS, rel, `${label} iteration ${i + 1} startS`);
    expectClose(it.endS, exact.perIteration[i].endS, rel, `${label} iteration ${i + 1} endS`);
  });
}
