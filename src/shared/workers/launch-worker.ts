import * as Comlink from 'comlink';

/** Fired on window when a worker could not start (its script did not load). */
export const WORKER_FAILED_EVENT = 'leadledger:worker-failed';

/**
 * The workers of this page that could not start, as WORKER_FAILED_EVENT told: for the shell, which
 * may mount after the event (the grid engine's worker starts before the app's code is fetched).
 */
const failed = new Set<string>();
export function failedWorkers(): ReadonlySet<string> {
  return failed;
}

/** A call to a worker that could not start: it fails instead of waiting for an answer that never comes. */
export class WorkerFailedError extends Error {
  constructor(
    readonly worker: string,
    reason: string,
  ) {
    super(`the ${worker} worker could not start: ${reason}`);
    this.name = 'WorkerFailedError';
  }
}

interface Started<T> {
  worker: Worker;
  remote: Comlink.Remote<T>;
  /** Rejects once the worker is known dead (then it is terminated and dropped). */
  dead: Promise<never>;
}

export interface LaunchedWorker<T> {
  /** The worker's API; the worker starts on the first call, and again on a call after it failed. */
  readonly remote: Comlink.Remote<T>;
  /** End the worker (a call after this starts a new one). */
  terminate(): void;
}

/**
 * A Comlink worker whose calls never hang on a worker that is not there. Comlink alone waits
 * forever when the worker's script fails to load: after a new version is deployed, the tab still
 * asks for the old hashed file, which the server no longer has. The browser tells that with a
 * plain `error` event (a script that ran and threw uncaught fires an ErrorEvent instead, also
 * when it comes up from a worker's own helper worker). Then the worker is terminated, its calls in
 * flight and later reject with WorkerFailedError, WORKER_FAILED_EVENT tells the shell (which offers
 * a reload), and — unless `restart` is false — the next call starts a new worker. An uncaught error
 * of a running worker is logged and leaves it running: its calls still answer.
 */
export function launchWorker<T>(
  name: string,
  create: () => Worker,
  /** False for a worker that holds subscriptions (the grid engine's): once failed, its calls keep failing until the reload. */
  { restart = true }: { restart?: boolean } = {},
): LaunchedWorker<T> {
  let started: Started<T> | null = null;

  const start = (): Started<T> => {
    const worker = create();
    let fail: (error: WorkerFailedError) => void = () => undefined;
    const s: Started<T> = {
      worker,
      remote: Comlink.wrap<T>(worker),
      dead: new Promise<never>((_, reject) => (fail = reject)),
    };
    // A worker that dies while nobody is calling it is not an unhandled rejection.
    s.dead.catch(() => undefined);
    worker.addEventListener('error', (event) => {
      if (typeof ErrorEvent !== 'undefined' && event instanceof ErrorEvent) {
        // Reported here, once, not again as the page's own uncaught error.
        event.preventDefault();
        console.error(`[${name} worker]`, event.message, event.error);
        return;
      }
      if (started === s && restart) started = null;
      worker.terminate();
      fail(new WorkerFailedError(name, (event as Partial<ErrorEvent>).message || 'its script did not load'));
      failed.add(name);
      if (typeof window !== 'undefined')
        window.dispatchEvent(new CustomEvent(WORKER_FAILED_EVENT, { detail: { worker: name } }));
    });
    return s;
  };

  const call = (key: string, args: unknown[]) => {
    let s: Started<T>;
    try {
      s = started ??= start();
    } catch (error) {
      // No Worker here (a test without one), or the browser refused to create it.
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const method = (s.remote as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[key]!;
    return Promise.race([method(...args), s.dead]);
  };

  const remote = new Proxy(
    {},
    {
      get(_target, key) {
        // Not a thenable (an async function may return this object); symbols are Comlink's own.
        if (key === 'then') return undefined;
        // Comlink's release of the proxy is the end of the worker; no other symbol starts one.
        if (key === Comlink.releaseProxy) return () => terminate();
        if (typeof key === 'symbol') return undefined;
        return (...args: unknown[]) => call(key, args);
      },
    },
  ) as Comlink.Remote<T>;

  function terminate() {
    const s = started;
    started = null;
    if (!s) return;
    s.remote[Comlink.releaseProxy]();
    s.worker.terminate();
  }

  return { remote, terminate };
}
