// Choosing the trace that drives the dirty rate: a shipped one (fetched from the same origin), an upload
// (refused past 50 MB before it is read), the last valid upload again, or none. Files are read and
// parsed in a worker; a bad file leaves the scenario and the active trace as they were and reports
// the line. The newest choice wins when loads overlap.
import type { Simulator } from '../workerClient/bridge.ts';
import { MAX_TRACE_BYTES, shippedTraceUrl, type ShippedTraceName } from './shippedTraces.ts';
import type { ActiveTrace, AppStore } from './store.ts';

export interface TraceLoader {
  selectShipped(name: ShippedTraceName): Promise<void>;
  upload(file: File): Promise<void>;
  selectUploaded(): void;
  selectNone(): void;
}

/** Sizes for the refusal; just over the limit reads "50.0 MB", so the bytes are given too. */
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB (${bytes.toLocaleString('en-US')} bytes)`;

export function createTraceLoader(store: AppStore, simulator: Simulator, base = () => document.baseURI): TraceLoader {
  let request = 0;
  let uploads = 0;
  const shipped = new Map<string, ActiveTrace>();

  /** Keeps the shipped traces loaded so far, the last valid upload and the active trace. */
  const forgetUnused = () => {
    const { trace, uploaded } = store.getState();
    simulator.forgetTraces([...shipped.keys(), ...(uploaded ? [uploaded.id] : []), ...(trace ? [trace.id] : [])]);
  };

  const fail = (mine: number, error: string) => {
    if (mine !== request) return;
    const state = store.getState();
    state.setTraceStatus({ loading: null, error });
    if (state.holdRuns) state.releaseRuns(`trace: could not load it (${error.slice(0, 80)}); ran without it`);
  };

  async function selectShipped(name: ShippedTraceName) {
    const mine = ++request;
    const ready = shipped.get(name);
    if (ready) return store.getState().setTrace(ready);
    store.getState().setTraceStatus({ loading: name, error: null });
    try {
      const response = await fetch(shippedTraceUrl(name, base()));
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      const loaded = await simulator.loadTrace(name, await response.blob());
      if (!loaded.ok) return fail(mine, loaded.error);
      const trace: ActiveTrace = { id: name, kind: 'shipped', name, info: loaded.info };
      shipped.set(name, trace);
      if (mine === request) store.getState().setTrace(trace);
    } catch (e) {
      fail(mine, `could not fetch traces/${name}.csv: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async function upload(file: File) {
    const mine = ++request;
    if (file.size > MAX_TRACE_BYTES) return fail(mine, `the file is ${mb(file.size)}; traces may be at most ${MAX_TRACE_BYTES / 1048576} MB`);
    store.getState().setTraceStatus({ loading: file.name, error: null });
    const id = `upload-${++uploads}`;
    try {
      const loaded = await simulator.loadTrace(id, file);
      if (!loaded.ok) return fail(mine, loaded.error);
      const trace: ActiveTrace = { id, kind: 'upload', name: file.name, info: loaded.info };
      if (mine === request) store.getState().setTrace(trace, trace);
      forgetUnused(); // the previous upload, or this one if a newer choice came first
    } catch (e) {
      fail(mine, `could not read ${file.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return {
    selectShipped,
    upload,
    selectUploaded() {
      ++request;
      const { uploaded } = store.getState();
      if (uploaded) store.getState().setTrace(uploaded);
    },
    selectNone() {
      ++request;
      if (store.getState().trace) store.getState().setTrace(null);
      else store.getState().setTraceStatus({ loading: null, error: null });
    },
  };
}
