import * as Comlink from 'comlink';

/** Fired on window when a worker could not start (its script did not load, or threw as it loaded). */
export const WORKER_FAILED_EVENT = 'leadledger:worker-failed';

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
  answered: boolean;
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
 * asks for the old hashed file, which the server no longer has. A worker is dead when its script
 * did not load (a plain `error` event) or threw before it answered anything (an `ErrorEvent`
 * then: it never reached `Comlink.expose`). Its calls in flight and later reject with
 * WorkerFailedError, WORKER_FAILED_EVENT tells the shell (which offers a reload), and the next
 * call starts a new worker. An uncaught error after the worker has answered leaves it running
 * (its calls still answer): it is logged, not fatal.
 */
export function launchWorker<T>(name: string, create: () => Worker): LaunchedWorker<T> {
  let started: Started<T> | null = null;

  const start = (): Started<T> => {
    const worker = create();
    let fail: (error: WorkerFailedError) => void = () => undefined;
    const s: Started<T> = {
      worker,
      remote: Comlink.wrap<T>(worker),
      dead: new Promise<never>((_, reject) => (fail = reject)),
      answered: false,
    };
    // A worker that dies while nobody is calling it is not an unhandled rejection.
    s.dead.catch(() => undefined);
    worker.addEventListener('error', (event) => {
      const message = (event as Partial<ErrorEvent>).message ?? '';
      if (s.answered && typeof ErrorEvent !== 'undefined' && event instanceof ErrorEvent) {
        console.error(`[${name} worker]`, message, event.error);
        return;
      }
      if (started === s) started = null;
      worker.terminate();
      fail(new WorkerFailedError(name, message || 'its script did not load'));
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
    const answer = method(...args);
    const seen = () => {
      s.answered = true;
    };
    // A rejection from the worker is an answer too (the worker ran the call and threw).
    answer.then(seen, seen);
    return Promise.race([answer, s.dead]);
  };

  const remote = new Proxy(
    {},
    {
      get(_target, key) {
        // Not a thenable (an async function may return this object); symbols are Comlink's own.
        if (key === 'then') return undefined;
        if (typeof key === 'symbol') return (started ??= start()).remote[key as keyof Comlink.Remote<T>];
        return (...args: unknown[]) => call(key, args);
      },
    },
  ) as Comlink.Remote<T>;

  return {
    remote,
    terminate() {
      const s = started;
      started = null;
      if (!s) return;
      s.remote[Comlink.releaseProxy]();
      s.worker.terminate();
    },
  };
}
