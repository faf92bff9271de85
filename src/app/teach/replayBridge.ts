// The client side of the replay worker (src/worker/replay.worker.ts), over a WorkerSlot: every call
// takes an AbortSignal, a call aborted while queued is never sent, and one still running 150 ms after
// its abort gets the worker terminated and respawned. The replay lives in the worker; a respawned
// worker has none until the next load, so a frame asked of it fails and is dropped by the caller.
import { wrap, type Remote } from 'comlink';
import type { Scenario } from '../../model/index.ts';
import type { Frame, LoadResult, ReplayApi } from '../../worker/replay.worker.ts';
import { WorkerSlot, type Endpoint } from '../worker/slot.ts';

export type { EventsSummary, Frame, FrameContext, LoadResult } from '../../worker/replay.worker.ts';

export interface ReplayClient {
  load(scenario: Scenario, signal: AbortSignal): Promise<LoadResult>;
  frame(eventIndex: number, cellsX: number, cellsY: number, signal: AbortSignal): Promise<Frame>;
  terminate(): void;
}

function spawnReplay(): Endpoint<Remote<ReplayApi>> {
  const worker = new Worker(new URL('../../worker/replay.worker.ts', import.meta.url), { type: 'module', name: 'replay' });
  return { api: wrap<ReplayApi>(worker), terminate: () => worker.terminate() };
}

export function createReplayClient(spawn: () => Endpoint<Remote<ReplayApi>> = spawnReplay): ReplayClient {
  const slot = new WorkerSlot(spawn);
  return {
    load: (scenario, signal) => slot.call<LoadResult>((api) => api.load(scenario), signal),
    frame: (eventIndex, cellsX, cellsY, signal) => slot.call<Frame>((api) => api.frame(eventIndex, cellsX, cellsY), signal),
    terminate: () => slot.terminate(),
  };
}
