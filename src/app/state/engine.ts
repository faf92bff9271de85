// Drives the simulator from the store: every scenario change aborts the work for the previous one,
// starts the single run at once, and brings the curves up to date (from a cache when only the rate
// changed, otherwise by sweeping coarse first in small chunks, publishing as they arrive). The curves
// are a plan of series (curvesPlan.ts): links and compared policies over the dirty rate, or, with a
// trace, policies over the trace's start times.
import type { SweepPoint } from '../../model/index.ts';
import type { StartPoint } from '../../workers/api.ts';
import type { CurveSeries } from '../charts/types.ts';
import type { StartSeries } from '../charts/startSweep.ts';
import type { Simulator } from '../workerClient/bridge.ts';
import { isAbortError } from '../workerClient/slot.ts';
import { coarseFirst, curveSeries, planCurves, type CurvesPlan, type SeriesSpec } from './curvesPlan.ts';
import { PIN_COLOURS } from './pins.ts';
import type { AppState, AppStore } from './store.ts';

/** Worker time per sweep chunk: short enough that a superseded sweep stops quickly. */
const CHUNK_BUDGET_MS = 12;
const CHUNK_TASKS = 96;
/** Partial curves are published at most this often (complete ones at once): the pool's workers answer
 * every few ms, and redrawing the curves for each answer would crowd the main thread during a drag. */
const PARTIAL_PUBLISH_MS = 40;
/** Series kept for reuse (a series is 81 or up to 200 small points). */
const MAX_CACHED_SERIES = 240;

type Point = SweepPoint | StartPoint;

/** The plan for a state: the trace's start times when a trace drives the rate. */
export function planFor(state: Pick<AppState, 'scenario' | 'compare' | 'trace'> & Partial<Pick<AppState, 'pins'>>): CurvesPlan {
  const trace = state.trace ? { id: state.trace.id, starts: state.trace.info.starts } : null;
  const pins = (state.pins ?? []).map((p) => ({ id: p.id, name: p.name, colour: PIN_COLOURS[p.colour].value, scenario: p.scenario }));
  return planCurves(state.scenario, state.compare, trace, pins);
}

export function startEngine(store: AppStore, simulator: Simulator): () => void {
  let runAbort = new AbortController();
  let sweepAbort = new AbortController();
  /** The plan being computed or already shown: the same key means nothing to do. */
  let sweeping: string | null = null;
  /** Points by series id, indexed like the series' xs; partial series resume. */
  const cache = new Map<string, (Point | undefined)[]>();

  const failed = (signal: AbortSignal) => (e: unknown) => {
    if (signal.aborted || isAbortError(e)) return;
    store.getState().setWorkerError(e instanceof Error ? e.message : String(e));
  };

  function pointsOf(spec: SeriesSpec) {
    let points = cache.get(spec.id);
    if (!points) {
      points = new Array(spec.xs.length);
      cache.set(spec.id, points);
      if (cache.size > MAX_CACHED_SERIES) cache.delete(cache.keys().next().value!);
    } else {
      cache.delete(spec.id); // refresh its place in the eviction order
      cache.set(spec.id, points);
    }
    return points;
  }

  function updateRun(state: AppState) {
    const { scenario, seq } = state;
    const traceId = state.trace?.id ?? null;
    runAbort.abort();
    runAbort = new AbortController();
    const signal = runAbort.signal;
    simulator.run(scenario, signal, traceId).then(({ result, unlimited }) => {
      if (!signal.aborted) store.getState().showRun({ seq, scenario, traceId, result, unlimited });
    }, failed(signal));
  }

  function updateCurves(state: AppState) {
    const { scenario } = state;
    const plan = planFor(state);
    // Only the rate (or, with a trace, the start) changed: the sweep in progress or the cache still fits.
    if (sweeping === plan.key) return;

    const publish = () => {
      const series: CurveSeries[] = [];
      const starts: StartSeries[] = [];
      let complete = true;
      for (const spec of plan.specs) {
        const points = pointsOf(spec).filter((p) => p !== undefined);
        complete &&= points.length === spec.xs.length;
        const { id, policy, label, current } = spec;
        if (plan.mode === 'rate') series.push(curveSeries(spec, points as SweepPoint[]));
        else starts.push({ id, policy, label, current, points: points as StartPoint[] });
      }
      store.getState().showCurves({ key: plan.key, mode: plan.mode, series, starts, complete });
      return complete;
    };
    sweepAbort.abort();
    sweepAbort = new AbortController();
    sweeping = plan.key;
    if (publish()) return;

    const signal = sweepAbort.signal;
    const tasks: { spec: SeriesSpec; index: number }[] = [];
    // The scenario's own series first, all interleaved coarse first; then each pin's, one after another
    // (a chunk is computed over one base scenario).
    const own = plan.specs.filter((s) => !s.pin);
    const longest = Math.max(0, ...own.map((s) => s.xs.length));
    for (const index of coarseFirst(longest)) {
      for (const spec of own) if (index < spec.xs.length && !pointsOf(spec)[index]) tasks.push({ spec, index });
    }
    for (const spec of plan.specs.filter((s) => s.pin)) {
      for (const index of coarseFirst(spec.xs.length)) if (!pointsOf(spec)[index]) tasks.push({ spec, index });
    }
    const baseOf = (spec: SeriesSpec) => spec.pin?.scenario ?? scenario;
    // The pool's workers take chunks from one queue: tasks a worker handed back unfinished (its budget
    // ran out) come first, then the rest in coarse-first order, so the pool stays coarse first.
    let next = 0;
    const handedBack: (typeof tasks)[] = [];
    /** The next batch: up to CHUNK_TASKS tasks over one base scenario. */
    const take = (): typeof tasks => {
      if (handedBack.length) return handedBack.shift()!;
      if (next >= tasks.length) return [];
      let end = next + 1;
      while (end < tasks.length && end - next < CHUNK_TASKS && tasks[end].spec.pin === tasks[next].spec.pin) end++;
      const batch = tasks.slice(next, end);
      next = end;
      return batch;
    };
    const chunk = (batch: typeof tasks, lane: number): Promise<Point[]> =>
      plan.mode === 'rate'
        ? simulator.sweepChunk(baseOf(batch[0].spec), batch.map((t) => [t.spec.linkMbps, t.spec.xs[t.index], t.spec.policy] as const), CHUNK_BUDGET_MS, signal, lane)
        : simulator.startSweepChunk(scenario, plan.traceId!, batch.map((t) => [t.spec.xs[t.index], t.spec.policy] as const), CHUNK_BUDGET_MS, signal, lane);
    let computed = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const publishPartial = () => {
      timer ??= setTimeout(() => {
        timer = null;
        if (!signal.aborted) publish();
      }, PARTIAL_PUBLISH_MS);
    };
    const worker = async (lane: number) => {
      for (let batch = take(); batch.length > 0; batch = take()) {
        const points = await chunk(batch, lane);
        if (signal.aborted) return;
        points.forEach((p, i) => (pointsOf(batch[i].spec)[batch[i].index] = p));
        if (points.length < batch.length) handedBack.unshift(batch.slice(points.length));
        computed += points.length;
        if (computed < tasks.length) publishPartial();
        else {
          if (timer !== null) clearTimeout(timer);
          publish();
        }
      }
    };
    // One sweep, one signal: aborting it stops every worker's loop (and WorkerSlot ends a busy worker).
    const lanes = Math.max(1, Math.min(simulator.sweepers ?? 1, tasks.length));
    Promise.all(Array.from({ length: lanes }, (_, lane) => worker(lane))).catch((e: unknown) => {
      if (signal.aborted) return;
      sweeping = null; // let the next change try again
      failed(signal)(e);
      sweepAbort.abort(); // and stop this sweep's other workers
    });
  }

  const onChange = (state: AppState) => {
    if (state.holdRuns) return;
    updateRun(state);
    updateCurves(state);
  };

  const unsubscribe = store.subscribe((state, prev) => {
    if (state.seq !== prev.seq) onChange(state);
    else if ((state.compare !== prev.compare || state.pins !== prev.pins) && !state.holdRuns) updateCurves(state);
  });
  onChange(store.getState());

  return () => {
    unsubscribe();
    runAbort.abort();
    sweepAbort.abort();
    simulator.terminate();
  };
}
