import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, simulate, sweepPoint, type RunResult, type Scenario, type SweepPoint } from '../../model/index.ts';
import type { Simulator } from '../worker/bridge.ts';
import { abortError } from '../worker/slot.ts';
import { SWEEP_RATES } from './curvesPlan.ts';
import { startEngine } from './engine.ts';
import { createAppStore } from './store.ts';

/** A simulator whose runs finish when the test says, in any order. */
function manualSimulator() {
  const runs: { scenario: Scenario; finish: () => void }[] = [];
  let sweepCalls = 0;
  let points = 0;
  const sim: Simulator = {
    run: (scenario, signal) =>
      new Promise<RunResult>((resolve, reject) => {
        signal.addEventListener('abort', () => reject(abortError()));
        runs.push({ scenario, finish: () => resolve(simulate(scenario)) });
      }),
    sweepChunk: async (base, tasks) => {
      sweepCalls++;
      points += tasks.length;
      return tasks.map(([link, rate]): SweepPoint => sweepPoint(base, link, rate));
    },
    terminate: () => {},
  };
  return { sim, runs, sweeps: () => sweepCalls, points: () => points };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function makeStore() {
  return createAppStore({ scenario: { ...DEFAULT_SCENARIO }, presetId: null, notice: [], theme: 'light', largeType: false });
}

describe('engine', () => {
  it('shows only the newest run, whatever order the answers come in', async () => {
    const store = makeStore();
    const fake = manualSimulator();
    startEngine(store, fake.sim);
    store.getState().setField('dirtyRate', 1000);
    store.getState().setField('dirtyRate', 20000);
    expect(fake.runs.map((r) => r.scenario.dirtyRate)).toEqual([0, 1000, 20000]);
    fake.runs[2].finish();
    await flush();
    expect(store.getState().run?.scenario.dirtyRate).toBe(20000);
    fake.runs[1].finish(); // a stale answer arriving late is dropped
    fake.runs[0].finish();
    await flush();
    expect(store.getState().run?.scenario.dirtyRate).toBe(20000);
    expect(store.getState().run?.seq).toBe(store.getState().seq);
  });

  it('sweeps the curves once per shape, and reuses them while only the rate moves', async () => {
    const store = makeStore();
    const fake = manualSimulator();
    startEngine(store, fake.sim);
    await flush();
    const curves = store.getState().curves!;
    expect(curves.complete).toBe(true);
    expect(curves.series.map((s) => s.linkMbps)).toEqual([94.2, 935, 7120]);
    expect(curves.series.every((s) => s.points.length === SWEEP_RATES.length)).toBe(true);
    const calls = fake.sweeps();
    store.getState().setField('dirtyRate', 5000);
    await flush();
    expect(fake.sweeps()).toBe(calls);
    expect(store.getState().curves).toBe(curves);
    // A new link sweeps only its own curve; the presets' come from the cache.
    const before = fake.points();
    store.getState().setField('linkMbps', 2500);
    await flush();
    expect(fake.points() - before).toBe(SWEEP_RATES.length);
    const next = store.getState().curves!;
    expect(next.complete).toBe(true);
    expect(next.series.map((s) => s.current)).toEqual([false, false, false, true]);
  });
});
