import type { Remote } from 'comlink';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../model/index.ts';
import { simulatorApi } from '../../workers/api.ts';
import type { SimulatorApi } from '../../workers/simulator.worker.ts';
import { createSimulator } from './bridge.ts';
import type { Endpoint } from './slot.ts';

/** Workers as plain objects calling the real API, each with its own log of installed traces. */
function fakeWorkers() {
  const installs: string[] = [];
  let spawned = 0;
  const spawn = (): Endpoint<Remote<SimulatorApi>> => {
    const n = ++spawned;
    const api = {
      ...simulatorApi,
      installTrace: async (...args: Parameters<SimulatorApi['installTrace']>) => {
        installs.push(`w${n}:${args[0]}`);
        simulatorApi.installTrace(...args);
      },
    };
    return { api: api as unknown as Remote<SimulatorApi>, terminate: () => {} };
  };
  return { spawn, installs };
}

const never = new AbortController().signal;
const CSV = 'time_s,dirty_pages_per_s\n0,1000\n5,30000\n10,500\n';

describe('simulator bridge', () => {
  it('parses a trace once and installs it in each worker that needs it, once', async () => {
    const fake = fakeWorkers();
    const sim = createSimulator(fake.spawn);
    const loaded = await sim.loadTrace('t1', CSV);
    expect(loaded.ok).toBe(true);
    await sim.run(DEFAULT_SCENARIO, never, 't1');
    await sim.run(DEFAULT_SCENARIO, never, 't1');
    await sim.startSweepChunk(DEFAULT_SCENARIO, 't1', [[0], [5]], 100, never);
    await sim.startSweepChunk(DEFAULT_SCENARIO, 't1', [[10]], 100, never);
    // Spawned lazily: runner first (w1), then the loader (w2) and the sweeper (w3) in order of use.
    expect(fake.installs).toHaveLength(2);
    expect(new Set(fake.installs).size).toBe(2);
    const { result } = await sim.run({ ...DEFAULT_SCENARIO }, never, 't1');
    expect(result.migrationTimeS).toBeGreaterThan(0);
  });

  it('does not keep a bad trace, and forgets traces on request', async () => {
    const sim = createSimulator(fakeWorkers().spawn);
    expect(await sim.loadTrace('bad', 'time_s,dirty_pages_per_s\n0,x\n')).toMatchObject({ ok: false, line: 2 });
    await expect(sim.run(DEFAULT_SCENARIO, never, 'bad')).rejects.toThrow(/not loaded/);
    await sim.loadTrace('t2', CSV);
    expect(sim.parsedTrace('t2')?.rates).toEqual(Float64Array.from([1000, 30000, 500]));
    expect(sim.parsedTrace('bad')).toBeUndefined();
    sim.forgetTraces([]);
    expect(sim.parsedTrace('t2')).toBeUndefined();
    await expect(sim.run(DEFAULT_SCENARIO, never, 't2')).rejects.toThrow(/not loaded/);
  });

  it('installs the trace again in a replacement worker', async () => {
    const fake = fakeWorkers();
    const sim = createSimulator(fake.spawn);
    await sim.loadTrace('t3', CSV);
    await sim.run(DEFAULT_SCENARIO, never, 't3');
    sim.terminate(); // every worker goes; the next call spawns fresh ones
    await sim.run(DEFAULT_SCENARIO, never, 't3');
    expect(fake.installs.filter((i) => i.endsWith(':t3'))).toHaveLength(2);
  });
});
