// The client side of the simulator worker: two workers, so a long sweep for the curves never
// delays the single run behind the summary and the per-iteration chart, and a third, started on the
// first trace, that reads and parses trace files. A parsed trace's arrays come back here and are
// installed in each worker that needs them (again after a worker was replaced), so a file is read once.
import { wrap, type Remote } from 'comlink';
import type { Scenario, SweepPoint } from '../../model/index.ts';
import type { RunOutput, StartPoint, StartTask, SweepTask } from '../../workers/api.ts';
import type { SimulatorApi } from '../../workers/simulator.worker.ts';
import type { TraceLoad } from '../../workers/traces.ts';
import { WorkerSlot, type Endpoint } from './slot.ts';

export interface Simulator {
  run(scenario: Scenario, signal: AbortSignal, traceId?: string | null): Promise<RunOutput>;
  sweepChunk(base: Scenario, tasks: readonly SweepTask[], budgetMs: number, signal: AbortSignal): Promise<SweepPoint[]>;
  startSweepChunk(base: Scenario, traceId: string, tasks: readonly StartTask[], budgetMs: number, signal: AbortSignal): Promise<StartPoint[]>;
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

export function createSimulator(spawn: () => Endpoint<Api> = spawnSimulator): Simulator {
  const runner = new WorkerSlot(spawn);
  const sweeper = new WorkerSlot(spawn);
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
    sweepChunk: (base, tasks, budgetMs, signal) => sweeper.call((api) => api.sweepChunk(base, tasks, budgetMs), signal),
    startSweepChunk: (base, traceId, tasks, budgetMs, signal) =>
      sweeper.call(async (api) => {
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
      sweeper.terminate();
      loader.terminate();
    },
  };
}
