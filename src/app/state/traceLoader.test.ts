import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, traceFromSeries } from '../../model/index.ts';
import type { TraceLoad } from '../../workers/traces.ts';
import { traceInfo } from '../../workers/traces.ts';
import type { Simulator } from '../workerClient/bridge.ts';
import { createAppStore } from './store.ts';
import { createTraceLoader } from './traceLoader.ts';

const GOOD = traceFromSeries([0, 10], [100, 200]);

/** A simulator whose loadTrace answers what the test queues; it records what it was asked to keep. */
function fakeSimulator() {
  const answers: ((v: TraceLoad) => void)[] = [];
  const loads: string[] = [];
  let kept: readonly string[] = [];
  const sim = {
    loadTrace: (id: string) => {
      loads.push(id);
      return new Promise<TraceLoad>((resolve) => answers.push(resolve));
    },
    forgetTraces: (keep: readonly string[]) => (kept = keep),
  } as unknown as Simulator;
  const ok = (): TraceLoad => ({ ok: true, info: traceInfo(GOOD), times: GOOD.times, rates: GOOD.rates });
  return { sim, answers, loads, ok, kept: () => kept };
}

const file = (name: string, size = 10) => ({ name, size }) as File;
const flush = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const store = createAppStore({ scenario: { ...DEFAULT_SCENARIO, dirtyRate: 777 }, presetId: null, notice: [], theme: 'light', largeType: false });
  const fake = fakeSimulator();
  const loader = createTraceLoader(store, fake.sim, () => 'http://127.0.0.1/app/');
  return { store, fake, loader };
}

describe('trace loader', () => {
  it('refuses a file over 50 MB before reading it', async () => {
    const { store, fake, loader } = setup();
    await loader.upload(file('huge.csv', 50 * 1024 * 1024 + 1));
    expect(fake.loads).toEqual([]);
    expect(store.getState().traceStatus.error).toBe('the file is 50.0 MB (52,428,801 bytes); traces may be at most 50 MB');
  });

  it('keeps the scenario and the active trace when an upload is bad, and reports the line', async () => {
    const { store, fake, loader } = setup();
    const good = loader.upload(file('good.csv'));
    fake.answers[0](fake.ok());
    await good;
    const active = store.getState().trace!;
    expect(active).toMatchObject({ id: 'upload-1', kind: 'upload', name: 'good.csv' });
    const seq = store.getState().seq;
    const bad = loader.upload(file('bad.csv'));
    expect(store.getState().traceStatus.loading).toBe('bad.csv');
    fake.answers[1]({ ok: false, line: 17, error: 'line 17: rate "abc" is not a number' });
    await bad;
    expect(store.getState().traceStatus).toEqual({ loading: null, error: 'line 17: rate "abc" is not a number' });
    expect(store.getState().trace).toBe(active);
    expect(store.getState().seq).toBe(seq);
    expect(store.getState().scenario.dirtyRate).toBe(777);
  });

  it('lets the newest choice win and forgets an upload nobody uses', async () => {
    const { store, fake, loader } = setup();
    const first = loader.upload(file('slow.csv'));
    loader.selectNone();
    fake.answers[0](fake.ok());
    await first;
    expect(store.getState().trace).toBeNull();
    expect(fake.kept()).toEqual([]);
  });

  it('fetches a shipped trace from the page origin once, and releases held runs when it fails', async () => {
    const { store, fake, loader } = setup();
    const fetched: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (url: string) => {
      fetched.push(url);
      return new Response('x');
    }) as typeof fetch;
    try {
      const p = loader.selectShipped('nfs-rising');
      await flush();
      fake.answers[0](fake.ok());
      await p;
      expect(fetched).toEqual(['http://127.0.0.1/app/traces/nfs-rising.csv']);
      expect(store.getState().trace).toMatchObject({ id: 'nfs-rising', kind: 'shipped' });
      loader.selectNone();
      await loader.selectShipped('nfs-rising'); // already parsed: no second fetch
      expect(fetched).toHaveLength(1);
      expect(store.getState().trace?.id).toBe('nfs-rising');

      const held = createAppStore({ scenario: { ...DEFAULT_SCENARIO }, presetId: null, notice: [], theme: 'light', largeType: false, holdRuns: true });
      globalThis.fetch = (async () => new Response('gone', { status: 404 })) as typeof fetch;
      await createTraceLoader(held, fake.sim, () => 'http://127.0.0.1/').selectShipped('mapreduce-phases');
      expect(held.getState().holdRuns).toBe(false);
      expect(held.getState().notice[0]).toMatch(/^trace: could not load it/);
      expect(held.getState().seq).toBe(1);
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
