// The client side of the simulator worker: two workers, so a long sweep for the curves never
// delays the single run behind the summary and the per-iteration chart.
import { wrap, type Remote } from 'comlink';
import type { RunResult, Scenario, SweepPoint } from '../../model/index.ts';
import type { SweepTask } from '../../worker/api.ts';
import type { SimulatorApi } from '../../worker/simulator.worker.ts';
import { WorkerSlot, type Endpoint } from './slot.ts';

export interface Simulator {
  run(scenario: Scenario, signal: AbortSignal): Promise<RunResult>;
  sweepChunk(base: Scenario, tasks: readonly SweepTask[], budgetMs: number, signal: AbortSignal): Promise<SweepPoint[]>;
  terminate(): void;
}

function spawnSimulator(): Endpoint<Remote<SimulatorApi>> {
  const worker = new Worker(new URL('../../worker/simulator.worker.ts', import.meta.url), { type: 'module', name: 'simulator' });
  return { api: wrap<SimulatorApi>(worker), terminate: () => worker.terminate() };
}

export function createSimulator(spawn: () => Endpoint<Remote<SimulatorApi>> = spawnSimulator): Simulator {
  const runner = new WorkerSlot(spawn);
  const sweeper = new WorkerSlot(spawn);
  return {
    run: (scenario, signal) => runner.call((api) => api.run(scenario), signal),
    sweepChunk: (base, tasks, budgetMs, signal) => sweeper.call((api) => api.sweepChunk(base, tasks, budgetMs), signal),
    terminate() {
      runner.terminate();
      sweeper.terminate();
    },
  };
}
