import { describe, expect, it } from 'vitest';
import { WorkerSlot, isAbortError, type Endpoint } from './slot.ts';

/** A fake worker: each call resolves when the test says so. */
function fakeWorker() {
  const log: string[] = [];
  const pending: { arg: string; resolve: (v: string) => void }[] = [];
  let spawned = 0;
  const spawn = (): Endpoint<{ echo(x: string): Promise<string> }> => {
    const id = ++spawned;
    let alive = true;
    return {
      api: {
        echo: (x) => {
          log.push(`w${id}:${x}`);
          return new Promise((resolve) => pending.push({ arg: x, resolve: (v) => alive && resolve(v) }));
        },
      },
      terminate: () => {
        alive = false;
        log.push(`w${id}:terminated`);
      },
    };
  };
  return { log, pending, spawn };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('WorkerSlot', () => {
  it('sends only the newest of the calls queued behind a busy worker', async () => {
    const w = fakeWorker();
    const slot = new WorkerSlot(w.spawn, 1000);
    const outcomes: string[] = [];
    const controllers = ['a', 'b', 'c'].map(() => new AbortController());
    const calls = ['a', 'b', 'c'].map((x, i) =>
      slot.call((api) => api.echo(x), controllers[i].signal).then(
        (v) => outcomes.push(`ok ${v}`),
        (e) => outcomes.push(isAbortError(e) ? `aborted ${x}` : `error ${x}`),
      ),
    );
    await tick();
    controllers[0].abort();
    controllers[1].abort();
    await tick();
    w.pending[0].resolve('a'); // the stale run finishes; its result is dropped
    await tick();
    await tick();
    w.pending[1].resolve('c');
    await Promise.all(calls);
    expect(w.log).toEqual(['w1:a', 'w1:c']);
    expect(outcomes).toEqual(['aborted a', 'aborted b', 'ok c']);
  });

  it('terminates a worker that stays busy after its call was aborted, and spawns a fresh one', async () => {
    const w = fakeWorker();
    const slot = new WorkerSlot(w.spawn, 10);
    const first = new AbortController();
    const stale = slot.call((api) => api.echo('huge'), first.signal).catch((e) => (isAbortError(e) ? 'aborted' : 'error'));
    await tick();
    first.abort();
    const next = slot.call((api) => api.echo('small'), new AbortController().signal);
    await new Promise((r) => setTimeout(r, 30));
    w.pending[1].resolve('small');
    expect(await stale).toBe('aborted');
    expect(await next).toBe('small');
    expect(w.log).toEqual(['w1:huge', 'w1:terminated', 'w2:small']);
    expect(slot.spawned).toBe(2);
  });
});
