// The sweep pool: several workers give the same curves as one, value for value, and a superseded sweep
// stops on every worker, with nothing of it reaching the store afterwards.
import type { Remote } from 'comlink';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, PATTERNS, POLICIES, type Scenario, type SweepPoint } from '../../model/index.ts';
import { simulatorApi } from '../../workers/api.ts';
import type { SimulatorApi } from '../../workers/simulator.worker.ts';
import { createSimulator, sweepPoolSize } from '../workerClient/bridge.ts';
import type { Endpoint } from '../workerClient/slot.ts';
import { startEngine } from './engine.ts';
import { createAppStore, type AppStore } from './store.ts';

const tick = () => new Promise((r) => setTimeout(r, 0));

/** In-process workers over the real API, answering on a later task (as a worker's message would). */
function workers() {
  const pointsBy = new Map<number, number>();
  let spawned = 0;
  const spawn = (): Endpoint<Remote<SimulatorApi>> => {
    const n = ++spawned;
    const api = {
      ...simulatorApi,
      sweepChunk: async (...args: Parameters<SimulatorApi['sweepChunk']>) => {
        await tick();
        const points = simulatorApi.sweepChunk(...args);
        pointsBy.set(n, (pointsBy.get(n) ?? 0) + points.length);
        return points;
      },
    };
    return { api: api as unknown as Remote<SimulatorApi>, terminate: () => {} };
  };
  return { spawn, pointsBy };
}

function storeWith(scenario: Scenario): AppStore {
  return createAppStore({ scenario, presetId: null, notice: [], theme: 'light', largeType: false });
}

async function curvesOf(scenario: Scenario, compare: readonly Scenario['policy'][], sweepers: number) {
  const fake = workers();
  const store = storeWith(scenario);
  if (compare.length) store.getState().setCompare([...compare]);
  const stop = startEngine(store, createSimulator(fake.spawn, sweepers));
  while (!store.getState().curves?.complete) await tick();
  stop();
  return { curves: store.getState().curves!, pointsBy: fake.pointsBy };
}

describe('sweep pool', () => {
  it('sizes itself to the cores, capped', () => {
    expect([undefined, 0, 1, 2, 3, 8, 64].map((c) => sweepPoolSize(c))).toEqual([1, 1, 1, 2, 3, 4, 4]);
  });

  it('gives the single worker’s curves value for value, over random scenarios and every policy', async () => {
    const scenarios = fc.record({
      vmMiB: fc.integer({ min: 64, max: 4096 }),
      linkMbps: fc.double({ min: 50, max: 20_000, noNaN: true }),
      pattern: fc.constantFrom(...PATTERNS),
      policy: fc.constantFrom(...POLICIES),
      compare: fc.subarray([...POLICIES], { maxLength: 2 }),
      autoConverge: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(scenarios, async ({ compare, ...fields }) => {
        const scenario = { ...DEFAULT_SCENARIO, ...fields };
        const others = compare.filter((p) => p !== scenario.policy);
        const one = await curvesOf(scenario, others, 1);
        const pool = await curvesOf(scenario, others, 3);
        expect(pool.curves.series).toEqual(one.curves.series);
        expect(pool.curves.series.length).toBeGreaterThanOrEqual(3);
        // The pool really shared the work.
        expect([...pool.pointsBy.values()].filter((n) => n > 0).length).toBeGreaterThan(1);
      }),
      { numRuns: 12 },
    );
  });

  it('a drag that supersedes a 16 TiB sweep stops all its workers, and none of its points arrive late', async () => {
    const held: { finish: () => void }[] = [];
    let terminated = 0;
    const LATE = -1; // a value no real point has
    const spawn = (): Endpoint<Remote<SimulatorApi>> => {
      const api = {
        ...simulatorApi,
        // The 16 TiB sweep's chunks never finish on their own (a huge VM); the others answer at once.
        sweepChunk: async (...args: Parameters<SimulatorApi['sweepChunk']>) => {
          const base = args[0] as Scenario;
          if (base.vmMiB < 16_777_216) return simulatorApi.sweepChunk(...args);
          return new Promise<SweepPoint[]>((resolve) => {
            const [link, rate] = args[1][0];
            held.push({ finish: () => resolve([{ linkMbps: link, rate, migrationTimeS: LATE, downtimeS: LATE, iterations: 1, pagesSent: 1 }]) });
          });
        },
      };
      return {
        api: api as unknown as Remote<SimulatorApi>,
        terminate: () => terminated++,
      };
    };
    const store = storeWith({ ...DEFAULT_SCENARIO, vmMiB: 16_777_216, dirtyRate: 20_000 });
    const stop = startEngine(store, createSimulator(spawn, 3));
    await tick();
    expect(held).toHaveLength(3); // one chunk on each of the three pool workers
    store.getState().setField('vmMiB', 1024); // the drag
    await new Promise((r) => setTimeout(r, 250)); // past WorkerSlot's 150 ms grace
    expect(terminated).toBe(3);
    for (const h of held) h.finish(); // the old workers' answers, were they still alive
    while (!store.getState().curves?.complete) await tick();
    await tick();
    const curves = store.getState().curves!;
    expect(curves.series.every((s) => s.points.every((p) => p.migrationTimeS !== LATE))).toBe(true);
    expect(curves.series.every((s) => s.points.length > 0)).toBe(true);
    stop();
  });
});
