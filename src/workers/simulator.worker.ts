// The simulator's Web Worker: the model runs here, never on the main thread. The client imports
// only the type of this module (Squoosh's split), so the boundary is typed once.
import { expose, transfer } from 'comlink';
import { simulatorApi } from './api.ts';

export type SimulatorApi = typeof simulatorApi;

expose({
  ...simulatorApi,
  // A parsed trace's arrays move to the client (no copy); this worker keeps nothing of it.
  async loadTrace(...args: Parameters<SimulatorApi['loadTrace']>) {
    const loaded = await simulatorApi.loadTrace(...args);
    return loaded.ok ? transfer(loaded, [loaded.times.buffer, loaded.rates.buffer]) : loaded;
  },
} satisfies SimulatorApi);
