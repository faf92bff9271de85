// The validation view's worker: its rows take tens of milliseconds (a Fig. 1 sweep, the presets' runs),
// too long for the main thread. Started when the view opens, ended when it closes.
import { expose } from 'comlink';
import { validation } from '../model/validation.ts';

const api = { validation: () => validation() };
export type ValidationApi = typeof api;
expose(api);
