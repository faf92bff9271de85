import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, simulate, sweepPoint, traceFromSeries, type Scenario, type SweepPoint } from '../../model/index.ts';
import type { RunOutput, StartPoint } from '../../workers/api.ts';
import { traceInfo } from '../../workers/traces.ts';
import type { Simulator } from '../workerClient/bridge.ts';
import { abortError } from '../workerClient/slot.ts';
import { SWEEP_RATES } from './curvesPlan.ts';
import { startEngine } from './engine.ts';
import { createAppStore, type ActiveTrace } from './store.ts';

const TRACE = traceFromSeries([0, 10, 20, 30], [1000, 40000, 2000, 2000]);

/** A simulator whose runs finish when the test says, in any order. */
function manualSimulator() {
  const runs: { scenario: Scenario; traceId: string | null; finish: () => void }[] = [];
  let sweepCalls = 0;
  let points = 0;
  const sim: Simulator = {
    run: (scenario, signal, traceId = null) =>
      new Promise<RunOutput>((resolve, reject) => {
        signal.addEventListener('abort', () => reject(abortError()));
        runs.push({ scenario, traceId, finish: () => resolve({ result: simulate(scenario, traceId ? TRACE : undefined), unlimited: null }) });
      }),
    sweepChunk: async (base, tasks) => {
      sweepCalls++;
      points += tasks.length;
      return tasks.map(([link, rate, policy]): SweepPoint => sweepPoint({ ...base, policy: policy ?? base.policy }, link, rate));
    },
    startSweepChunk: async (base, _traceId, tasks) => {
      sweepCalls++;
      points += tasks.length;
      return tasks.map(([startS, policy]): StartPoint => {
        const r = simulate({ ...base, policy: policy ?? base.policy, traceStartS: startS }, TRACE);
        return { startS, migrationTimeS: r.migrationTimeS, downtimeS: r.downtimeS, iterations: r.iterations, pagesSent: r.pagesSent };
      });
    },
    loadTrace: async () => ({ ok: false, error: 'not in this test', line: 1 }),
    forgetTraces: () => {},
    parsedTrace: () => undefined,
    terminate: () => {},
  };
  return { sim, runs, sweeps: () => sweepCalls, points: () => points };
}

const ACTIVE: ActiveTrace = { id: 'test', kind: 'shipped', name: 'test', info: traceInfo(TRACE) };

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

  it('overlays compared policies on the current link, each swept once', async () => {
    const store = makeStore();
    const fake = manualSimulator();
    startEngine(store, fake.sim);
    await flush();
    const before = fake.points();
    store.getState().setCompare(['qemu', 'postcopy']);
    await flush();
    expect(fake.points() - before).toBe(2 * SWEEP_RATES.length);
    const curves = store.getState().curves!;
    expect(curves.complete).toBe(true);
    expect(curves.series.map((s) => [s.policy, s.linkMbps, s.current])).toEqual([
      ['xen', 94.2, false],
      ['xen', 935, true],
      ['xen', 7120, false],
      ['qemu', 935, false],
      ['postcopy', 935, false],
    ]);
    // Switching to a compared policy reuses its curve on the current link; only the other links are new.
    const again = fake.points();
    store.getState().setField('policy', 'qemu');
    await flush();
    expect(fake.points() - again).toBe(2 * SWEEP_RATES.length);
    expect(store.getState().curves!.series.map((s) => s.policy)).toEqual(['qemu', 'qemu', 'qemu', 'postcopy']);
  });

  it('sweeps each pin over its own scenario, never mixing bases in a chunk, and not again on a rename', async () => {
    const store = makeStore();
    const fake = manualSimulator();
    const bases: Scenario[][] = [];
    const sweep = fake.sim.sweepChunk;
    fake.sim.sweepChunk = (base, tasks, budget, signal) => {
      bases.push(tasks.map(() => base));
      return sweep(base, tasks, budget, signal);
    };
    startEngine(store, fake.sim);
    await flush();
    store.getState().setField('vmMiB', 4096);
    store.getState().pinCurrent('big');
    store.getState().setField('vmMiB', 256);
    store.getState().setField('policy', 'qemu');
    store.getState().pinCurrent('small qemu');
    await flush();
    const pinned = store.getState().curves!.series.filter((s) => s.pin);
    expect(pinned.map((s) => [s.label, s.policy, s.points.length])).toEqual([
      ['Pinned: big', 'xen', SWEEP_RATES.length],
      ['Pinned: small qemu', 'qemu', SWEEP_RATES.length],
    ]);
    // Each pin's points are its own scenario's, and every chunk had one base scenario.
    const big = { ...DEFAULT_SCENARIO, vmMiB: 4096 };
    expect(pinned[0].points[40]).toEqual(sweepPoint(big, big.linkMbps, SWEEP_RATES[40]));
    for (const chunk of bases) expect(new Set(chunk.map((b) => JSON.stringify(b))).size).toBe(1);
    const before = fake.points();
    store.getState().renamePin(store.getState().pins[0].id, 'renamed');
    store.getState().setPinColour(store.getState().pins[0].id, 3);
    await flush();
    expect(fake.points()).toBe(before);
  });

  it('with a trace, sweeps start times instead of rates, and runs wait for a trace the link names', async () => {
    const store = createAppStore({ scenario: { ...DEFAULT_SCENARIO }, presetId: null, notice: [], theme: 'light', largeType: false, holdRuns: true });
    const fake = manualSimulator();
    startEngine(store, fake.sim);
    await flush();
    expect(fake.runs).toHaveLength(0);
    store.getState().setTrace(ACTIVE);
    expect(fake.runs.map((r) => r.traceId)).toEqual(['test']);
    await flush();
    const curves = store.getState().curves!;
    expect(curves.mode).toBe('start');
    expect(curves.complete).toBe(true);
    expect(curves.starts.map((s) => s.points.map((p) => p.startS))).toEqual([[0, 10, 20, 30]]);
    // Moving the start reuses the sweep; the run follows it.
    const calls = fake.sweeps();
    store.getState().setField('traceStartS', 10);
    await flush();
    expect(fake.sweeps()).toBe(calls);
    expect(fake.runs.at(-1)!.scenario.traceStartS).toBe(10);
    // A start past a new trace's end is brought to its end.
    store.getState().setField('traceStartS', 25);
    store.getState().setTrace({ ...ACTIVE, id: 'short', info: { ...ACTIVE.info, endS: 20 } });
    expect(store.getState().scenario.traceStartS).toBe(20);
  });
});
