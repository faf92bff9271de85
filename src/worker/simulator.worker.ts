// The simulator's Web Worker: the model runs here, never on the main thread. The client imports
// only the type of this module (Squoosh's split), so the boundary is typed once.
import { expose } from 'comlink';
import { simulatorApi } from './api.ts';

export type SimulatorApi = typeof simulatorApi;

expose(simulatorApi);
