// One worker, used by one call at a time, with Squoosh's cancellation: every call takes an
// AbortSignal; an aborted call rejects at once with an AbortError and its result is dropped; a call
// still queued when it is aborted is never sent; a call that keeps running after its abort (a long
// run of a huge VM) gets the worker terminated and a fresh one spawned. So at most one stale
// computation ever sits ahead of the newest, and only the newest result reaches its caller.

export interface Endpoint<Api> {
  api: Api;
  terminate(): void;
}

export function abortError(): DOMException {
  return new DOMException('superseded', 'AbortError');
}

export function isAbortError(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

/** Rejects as soon as `signal` aborts; otherwise settles like `promise`. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

export class WorkerSlot<Api> {
  private endpoint: Endpoint<Api> | null = null;
  private idle: Promise<void> = Promise.resolve();
  /** Workers spawned so far (the first included): for tests and the docs' claims. */
  spawned = 0;

  /**
   * @param spawn makes a fresh worker
   * @param graceMs how long an aborted call may keep the worker busy before it is terminated
   */
  constructor(
    private readonly spawn: () => Endpoint<Api>,
    private readonly graceMs = 150,
  ) {}

  private current(): Endpoint<Api> {
    if (!this.endpoint) {
      this.endpoint = this.spawn();
      this.spawned++;
    }
    return this.endpoint;
  }

  /** Calls `fn` on the worker once the previous call is done, unless `signal` aborts first. */
  async call<T>(fn: (api: Api) => Promise<T>, signal: AbortSignal): Promise<T> {
    const previous = this.idle;
    let release!: () => void;
    this.idle = new Promise<void>((r) => (release = r));
    try {
      await raceAbort(previous, signal);
    } catch (e) {
      // Keep the queue in order: this caller's turn ends when the previous one's does.
      void previous.then(release);
      throw e;
    }

    if (signal.aborted) {
      release();
      throw abortError();
    }
    const endpoint = this.current();
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = () => {
      done = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      release();
    };
    const onAbort = () => {
      timer = setTimeout(() => {
        if (done || this.endpoint !== endpoint) return;
        endpoint.terminate(); // its pending promise never settles; nobody waits for it any more
        this.endpoint = null;
        finish();
      }, this.graceMs);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const work = fn(endpoint.api);
    work.then(finish, finish);
    return raceAbort(work, signal);
  }

  terminate(): void {
    this.endpoint?.terminate();
    this.endpoint = null;
  }
}
