// The client side of the replay worker (src/workers/replay.worker.ts), over a WorkerSlot: every call
// takes an AbortSignal, a call aborted while queued is never sent, and one still running 150 ms after
// its abort gets the worker terminated and respawned. The replay lives in the worker; a respawned
// worker has none until the next load, so a frame asked of it fails and is dropped by the caller.
// A trace-driven run's trace is installed in the worker before its load (again in a respawned one).
import { wrap, type Remote } from 'comlink';
import type { Scenario } from '../../model/index.ts';
import type { Frame, LoadResult, ReplayApi } from '../../workers/replay.worker.ts';
import { WorkerSlot, type Endpoint } from '../workerClient/slot.ts';

export type { EventsSummary, Frame, FrameContext, LoadResult } from '../../workers/replay.worker.ts';

/** A parsed trace to replay with: its id and the arrays the simulator parsed. */
export interface ReplayTrace {
  id: string;
  times: Float64Array;
  rates: Float64Array;
}

export interface ReplayClient {
  /** Loads the run of `scenario`, its dirty rate from `trace` when given. */
  load(scenario: Scenario, trace: ReplayTrace | null, signal: AbortSignal): Promise<LoadResult>;
  frame(eventIndex: number, cellsX: number, cellsY: number, signal: AbortSignal): Promise<Frame>;
  terminate(): void;
}

function spawnReplay(): Endpoint<Remote<ReplayApi>> {
  const worker = new Worker(new URL('../../workers/replay.worker.ts', import.meta.url), { type: 'module', name: 'replay' });
  return { api: wrap<ReplayApi>(worker), terminate: () => worker.terminate() };
}

export function createReplayClient(spawn: () => Endpoint<Remote<ReplayApi>> = spawnReplay): ReplayClient {
  const slot = new WorkerSlot(spawn);
  /** The trace each live worker holds (a replaced worker's proxy is never seen again). */
  const installed = new WeakMap<object, string>();
  return {
    load: (scenario, trace, signal) =>
      slot.call<LoadResult>(async (api) => {
        if (trace && installed.get(api) !== trace.id) {
          // Copies, not transfers: the simulator keeps its arrays for its own workers.
          await api.installTrace(trace.id, trace.times, trace.rates, [trace.id]);
          installed.set(api, trace.id);
        }
        return api.load(scenario, trace ? trace.id : null);
      }, signal),
    frame: (eventIndex, cellsX, cellsY, signal) => slot.call<Frame>((api) => api.frame(eventIndex, cellsX, cellsY), signal),
    terminate: () => slot.terminate(),
  };
}
