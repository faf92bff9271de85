// The client side of the simulator worker: one worker for the single run behind the summary and the
// per-iteration chart, a small pool for the curves' sweeps (so a long sweep never delays the single
// run, and a sweep uses every core), and one more, started on the first trace, that reads and parses
// trace files. A parsed trace's arrays come back here and are
// installed in each worker that needs them (again after a worker was replaced), so a file is read once.
import { wrap, type Remote } from 'comlink';
import type { Scenario, SweepPoint } from '../../model/index.ts';
import type { RunOutput, StartPoint, StartTask, SweepTask } from '../../workers/api.ts';
import type { SimulatorApi } from '../../workers/simulator.worker.ts';
import type { TraceLoad } from '../../workers/traces.ts';
import { WorkerSlot, type Endpoint } from './slot.ts';

/** At most this many sweep workers, however many cores: the points are small and the main thread renders. */
export const SWEEP_POOL_CAP = 4;

/** min(cores, cap), at least 1 (navigator.hardwareConcurrency where there is one). */
export function sweepPoolSize(cores = globalThis.navigator?.hardwareConcurrency): number {
  return Math.max(1, Math.min(SWEEP_POOL_CAP, Math.floor(cores || 1)));
}

export interface Simulator {
  run(scenario: Scenario, signal: AbortSignal, traceId?: string | null): Promise<RunOutput>;
  /** Sweep workers in the pool (1 when absent); `lane` (0 .. sweepers-1) picks one for a chunk. */
  readonly sweepers?: number;
  sweepChunk(base: Scenario, tasks: readonly SweepTask[], budgetMs: number, signal: AbortSignal, lane?: number): Promise<SweepPoint[]>;
  startSweepChunk(base: Scenario, traceId: string, tasks: readonly StartTask[], budgetMs: number, signal: AbortSignal, lane?: number): Promise<StartPoint[]>;
  /** Parses a trace file; on success its data is kept under `id` (see forgetTraces). */
  loadTrace(id: string, source: Blob | string): Promise<TraceLoad>;
  /** Drops every kept trace but those named. */
  forgetTraces(keep: readonly string[]): void;
  /**
   * A kept trace's arrays (for the teaching mode's replay worker, which installs them itself);
   * undefined when it was never loaded or is forgotten. Do not modify them.
   */
  parsedTrace(id: string): Readonly<TraceArrays> | undefined;
  terminate(): void;
}

type TraceArrays = { times: Float64Array; rates: Float64Array };

function spawnSimulator(): Endpoint<Remote<SimulatorApi>> {
  const worker = new Worker(new URL('../../workers/simulator.worker.ts', import.meta.url), { type: 'module', name: 'simulator' });
  return { api: wrap<SimulatorApi>(worker), terminate: () => worker.terminate() };
}

type Api = Remote<SimulatorApi>;

export function createSimulator(spawn: () => Endpoint<Api> = spawnSimulator, sweepers = sweepPoolSize()): Simulator {
  const runner = new WorkerSlot(spawn);
  // Each pool worker is spawned on its first chunk, so a small sweep never starts the others.
  const pool = Array.from({ length: sweepers }, () => new WorkerSlot(spawn));
  const sweeper = (lane = 0) => pool[lane % pool.length];
  const loader = new WorkerSlot(spawn);
  const traces = new Map<string, TraceArrays>();
  /** Which traces each live worker holds (a replaced worker's proxy is simply never seen again). */
  const installed = new WeakMap<object, Set<string>>();
  const never = new AbortController().signal;

  async function ensureTrace(api: Api, id: string): Promise<void> {
    const held = installed.get(api) ?? new Set<string>();
    if (held.has(id)) return;
    const data = traces.get(id);
    if (!data) throw new Error(`trace "${id}" is not loaded`);
    const keep = [...traces.keys()];
    await api.installTrace(id, data.times, data.rates, keep);
    installed.set(api, new Set([id, ...[...held].filter((k) => traces.has(k))]));
  }

  return {
    run: (scenario, signal, traceId = null) =>
      runner.call(async (api) => {
        if (traceId !== null) await ensureTrace(api, traceId);
        return api.run(scenario, traceId);
      }, signal),
    sweepers,
    sweepChunk: (base, tasks, budgetMs, signal, lane) => sweeper(lane).call((api) => api.sweepChunk(base, tasks, budgetMs), signal),
    startSweepChunk: (base, traceId, tasks, budgetMs, signal, lane) =>
      sweeper(lane).call(async (api) => {
        await ensureTrace(api, traceId);
        return api.startSweepChunk(base, traceId, tasks, budgetMs);
      }, signal),
    async loadTrace(id, source) {
      const loaded = await loader.call((api) => api.loadTrace(source) as Promise<TraceLoad>, never);
      if (loaded.ok) traces.set(id, { times: loaded.times, rates: loaded.rates });
      return loaded;
    },
    forgetTraces(keep) {
      for (const id of [...traces.keys()]) if (!keep.includes(id)) traces.delete(id);
    },
    parsedTrace: (id) => traces.get(id),
    terminate() {
      runner.terminate();
      for (const slot of pool) slot.terminate();
      loader.terminate();
    },
  };
}
