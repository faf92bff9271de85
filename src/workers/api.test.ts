import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, simulate, sweepPoint, traceFromSeries } from '../model/index.ts';
import { run, startSweepChunk, sweepChunk } from './api.ts';
import { installTrace } from './traces.ts';

const trace = traceFromSeries([0, 100, 200], [2000, 40000, 1000]);
installTrace('t', trace.times, trace.rates, []);

describe('worker API', () => {
  it('runs with the trace kept under an id, and says when it has none', () => {
    const s = { ...DEFAULT_SCENARIO, traceStartS: 90 };
    expect(run(s, 't').result).toEqual(simulate(s, trace));
    expect(run(s).result).toEqual(simulate(s));
    expect(() => run(s, 'nope')).toThrow(/not loaded/);
  });

  it('adds the run without the vCPU limit when there is one', () => {
    expect(run({ ...DEFAULT_SCENARIO, dirtyRate: 20000 }).unlimited).toBeNull();
    const out = run({ ...DEFAULT_SCENARIO, dirtyRate: 20000, vcpuLimit: 0.25 });
    const free = simulate({ ...DEFAULT_SCENARIO, dirtyRate: 20000 });
    expect(out.unlimited).toEqual({ migrationTimeS: free.migrationTimeS, downtimeS: free.downtimeS, iterations: free.iterations, stopReason: free.stopReason });
    expect(out.result.migrationTimeS).toBeLessThan(free.migrationTimeS);
  });

  it('sweeps other policies when a task names one', () => {
    const [xen, qemu] = sweepChunk(DEFAULT_SCENARIO, [[935, 20000], [935, 20000, 'qemu']], 1000);
    expect(xen).toEqual(sweepPoint(DEFAULT_SCENARIO, 935, 20000));
    expect(qemu).toEqual(sweepPoint({ ...DEFAULT_SCENARIO, policy: 'qemu' }, 935, 20000));
    expect(() => sweepChunk(DEFAULT_SCENARIO, [[935, 1, 'bogus' as never]], 10)).toThrow(/unknown policy/);
  });

  it('sweeps start times over a kept trace', () => {
    const points = startSweepChunk(DEFAULT_SCENARIO, 't', [[0], [150, 'postcopy']], 1000);
    const r0 = simulate({ ...DEFAULT_SCENARIO, traceStartS: 0 }, trace);
    const r1 = simulate({ ...DEFAULT_SCENARIO, policy: 'postcopy', traceStartS: 150 }, trace);
    expect(points).toEqual([
      { startS: 0, migrationTimeS: r0.migrationTimeS, downtimeS: r0.downtimeS, iterations: r0.iterations, pagesSent: r0.pagesSent },
      { startS: 150, migrationTimeS: r1.migrationTimeS, downtimeS: r1.downtimeS, iterations: r1.iterations, pagesSent: r1.pagesSent },
    ]);
    expect(() => startSweepChunk(DEFAULT_SCENARIO, 't', [[-1]], 10)).toThrow(/bad start/);
  });
});
