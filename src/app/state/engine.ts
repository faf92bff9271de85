// Drives the simulator from the store: every scenario change aborts the work for the previous one,
// starts the single run at once, and brings the curves up to date (from a cache when only the rate
// changed, otherwise by sweeping coarse first in small chunks, publishing as they arrive).
import type { Scenario, SweepPoint } from '../../model/index.ts';
import type { SweepTask } from '../../worker/api.ts';
import type { Simulator } from '../worker/bridge.ts';
import { isAbortError } from '../worker/slot.ts';
import { SWEEP_RATES, coarseFirst, curveLinks, sweepKey, toSeries } from './curvesPlan.ts';
import type { AppStore } from './store.ts';

/** Worker time per sweep chunk: short enough that a superseded sweep stops quickly. */
const CHUNK_BUDGET_MS = 12;
const CHUNK_TASKS = 96;
/** Curves kept for reuse (a series is 81 small points). */
const MAX_CACHED_SERIES = 240;

export function startEngine(store: AppStore, simulator: Simulator): () => void {
  let runAbort = new AbortController();
  let sweepAbort = new AbortController();
  /** The curves being computed or already shown: same key and links means nothing to do. */
  let sweeping: { key: string; links: string } | null = null;
  /** Sweep points by `${sweepKey}|${link}`, indexed like SWEEP_RATES; partial series resume. */
  const cache = new Map<string, (SweepPoint | undefined)[]>();

  const failed = (signal: AbortSignal) => (e: unknown) => {
    if (signal.aborted || isAbortError(e)) return;
    store.getState().setWorkerError(e instanceof Error ? e.message : String(e));
  };

  function seriesOf(key: string, link: number) {
    const id = `${key}|${link}`;
    let points = cache.get(id);
    if (!points) {
      points = new Array(SWEEP_RATES.length);
      cache.set(id, points);
      if (cache.size > MAX_CACHED_SERIES) cache.delete(cache.keys().next().value!);
    } else {
      cache.delete(id); // refresh its place in the eviction order
      cache.set(id, points);
    }
    return points;
  }

  function updateRun(scenario: Scenario, seq: number) {
    runAbort.abort();
    runAbort = new AbortController();
    const signal = runAbort.signal;
    simulator.run(scenario, signal).then((result) => {
      if (!signal.aborted) store.getState().showRun({ seq, scenario, result });
    }, failed(signal));
  }

  function updateCurves(scenario: Scenario) {
    const key = sweepKey(scenario);
    const links = curveLinks(scenario.linkMbps);
    const linkIds = links.map((l) => l.linkMbps).join(',');
    // Only the rate changed: the sweep in progress (or the cached curves) still fits.
    if (sweeping && sweeping.key === key && sweeping.links === linkIds) return;

    const publish = () => {
      const series = toSeries(links, (link) => seriesOf(key, link));
      const complete = series.every((s) => s.points.length === SWEEP_RATES.length);
      store.getState().showCurves({ key, series, complete });
      return complete;
    };
    sweepAbort.abort();
    sweepAbort = new AbortController();
    sweeping = { key, links: linkIds };
    if (publish()) return;

    const signal = sweepAbort.signal;
    const tasks: { link: number; index: number }[] = [];
    for (const index of coarseFirst(SWEEP_RATES.length)) {
      for (const l of links) if (!seriesOf(key, l.linkMbps)[index]) tasks.push({ link: l.linkMbps, index });
    }
    void (async () => {
      for (let next = 0; next < tasks.length; ) {
        const batch = tasks.slice(next, next + CHUNK_TASKS);
        const chunk: SweepTask[] = batch.map((t) => [t.link, SWEEP_RATES[t.index]]);
        const points = await simulator.sweepChunk(scenario, chunk, CHUNK_BUDGET_MS, signal);
        if (signal.aborted) return;
        points.forEach((p, i) => (seriesOf(key, batch[i].link)[batch[i].index] = p));
        next += points.length;
        publish();
      }
    })().catch((e: unknown) => {
      if (!signal.aborted) sweeping = null; // let the next change try again
      failed(signal)(e);
    });
  }

  const onChange = (scenario: Scenario, seq: number) => {
    updateRun(scenario, seq);
    updateCurves(scenario);
  };

  const unsubscribe = store.subscribe((state, prev) => {
    if (state.seq !== prev.seq) onChange(state.scenario, state.seq);
  });
  const { scenario, seq } = store.getState();
  onChange(scenario, seq);

  return () => {
    unsubscribe();
    runAbort.abort();
    sweepAbort.abort();
    simulator.terminate();
  };
}
