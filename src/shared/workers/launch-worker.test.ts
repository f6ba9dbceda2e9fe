/**
 * launchWorker: a Comlink worker whose calls never hang on a worker that is not there. The fake
 * worker below is a real Comlink endpoint (a MessageChannel), so calls go through Comlink as in
 * the browser; its `error` events are dispatched by hand as the browser would.
 */
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { failedWorkers, launchWorker, WorkerFailedError } from './launch-worker';

interface Api {
  add(a: number, b: number): number;
  boom(): never;
  never(): Promise<number>;
}

const api: Api = {
  add: (a, b) => a + b,
  boom: () => {
    throw new Error('thrown in the worker');
  },
  never: () => new Promise<number>(() => undefined),
};

/** The ErrorEvent a worker's uncaught error fires (Node 20 has none). */
class FakeErrorEvent extends Event {
  constructor(readonly message: string) {
    super('error', { cancelable: true });
  }
}

class FakeWorker extends EventTarget {
  static started: FakeWorker[] = [];
  readonly channel = new MessageChannel();
  terminated = false;
  constructor(expose: boolean) {
    super();
    FakeWorker.started.push(this);
    if (expose) Comlink.expose(api, this.channel.port2);
  }
  postMessage(message: unknown, transfer: Transferable[] = []) {
    this.channel.port1.postMessage(message, transfer);
  }
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null) {
    if (type === 'message') {
      this.channel.port1.addEventListener('message', listener as EventListener);
      this.channel.port1.start();
    } else super.addEventListener(type, listener);
  }
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null) {
    if (type === 'message') this.channel.port1.removeEventListener('message', listener as EventListener);
    else super.removeEventListener(type, listener);
  }
  terminate() {
    this.terminated = true;
    this.channel.port1.close();
  }
}

const launch = (expose = true) => launchWorker<Api>('test', () => new FakeWorker(expose) as unknown as Worker);

afterEach(() => {
  FakeWorker.started = [];
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('launchWorker', () => {
  it('starts the worker on the first call, once, and passes answers and thrown errors through', async () => {
    const launched = launch();
    expect(FakeWorker.started).toHaveLength(0);
    expect(await launched.remote.add(2, 3)).toBe(5);
    await expect(launched.remote.boom()).rejects.toThrow('thrown in the worker');
    expect(await launched.remote.add(1, 1)).toBe(2);
    expect(FakeWorker.started).toHaveLength(1);
    launched.terminate();
  });

  it('is not a thenable: an async function may return its remote', async () => {
    const launched = launch();
    const remote = await (async () => launched.remote)();
    expect(await remote.add(4, 5)).toBe(9);
    launched.terminate();
  });

  it('a worker whose script did not load fails the calls in flight and the next call starts a new one', async () => {
    const launched = launch(false);
    const pending = launched.remote.add(1, 2);
    FakeWorker.started[0]!.dispatchEvent(new Event('error'));
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerFailedError);
    expect((error as WorkerFailedError).worker).toBe('test');
    expect((error as Error).message).toBe('the test worker could not start: its script did not load');
    expect(FakeWorker.started[0]!.terminated).toBe(true);
    const next = launched.remote.add(1, 2);
    expect(FakeWorker.started).toHaveLength(2);
    FakeWorker.started[1]!.dispatchEvent(new Event('error'));
    await expect(next).rejects.toBeInstanceOf(WorkerFailedError);
  });

  it('an uncaught error (an ErrorEvent: the script ran) is logged and leaves the worker running, before its first answer too', async () => {
    vi.stubGlobal('ErrorEvent', FakeErrorEvent);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const launched = launch();
    const slow = launched.remote.never();
    const first = launched.remote.add(1, 1);
    // Before any answer: a timer's throw, or one come up from the worker's own helper worker.
    const early = new FakeErrorEvent('Uncaught Error: in a helper');
    FakeWorker.started[0]!.dispatchEvent(early);
    expect(early.defaultPrevented).toBe(true);
    expect(await first).toBe(2);
    FakeWorker.started[0]!.dispatchEvent(new FakeErrorEvent('Uncaught TypeError: in a timer'));
    expect(logged).toHaveBeenCalledWith('[test worker]', 'Uncaught Error: in a helper', undefined);
    expect(logged).toHaveBeenCalledWith('[test worker]', 'Uncaught TypeError: in a timer', undefined);
    expect(FakeWorker.started[0]!.terminated).toBe(false);
    expect(await launched.remote.add(2, 2)).toBe(4);
    expect(FakeWorker.started).toHaveLength(1);
    const settled = await Promise.race([
      slow.then(() => 'settled'),
      new Promise((r) => setTimeout(() => r('waiting'), 20)),
    ]);
    expect(settled).toBe('waiting');
    launched.terminate();
  });

  it('a worker that must not restart (it holds subscriptions) keeps failing its calls once it could not start', async () => {
    const launched = launchWorker<Api>('held', () => new FakeWorker(false) as unknown as Worker, { restart: false });
    const pending = launched.remote.add(1, 2);
    FakeWorker.started[0]!.dispatchEvent(new Event('error'));
    await expect(pending).rejects.toBeInstanceOf(WorkerFailedError);
    await expect(launched.remote.add(1, 2)).rejects.toThrow('the held worker could not start');
    expect(FakeWorker.started).toHaveLength(1);
  });

  it('a worker that could not start is remembered for a shell that mounts after the event; one that runs is not', async () => {
    expect(failedWorkers().has('early')).toBe(false);
    const early = launchWorker<Api>('early', () => new FakeWorker(false) as unknown as Worker, { restart: false });
    const pending = early.remote.add(1, 2);
    FakeWorker.started[0]!.dispatchEvent(new Event('error'));
    await expect(pending).rejects.toBeInstanceOf(WorkerFailedError);
    expect(failedWorkers().has('early')).toBe(true);
    // An uncaught error of a running worker is not a failure to start.
    vi.stubGlobal('ErrorEvent', FakeErrorEvent);
    const running = launchWorker<Api>('running', () => new FakeWorker(true) as unknown as Worker);
    await expect(running.remote.add(1, 2)).resolves.toBe(3);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    FakeWorker.started[1]!.dispatchEvent(new FakeErrorEvent('Uncaught TypeError'));
    expect(failedWorkers().has('running')).toBe(false);
    running.terminate();
  });

  it("Comlink's release of the proxy ends the worker; no other symbol starts one", async () => {
    const launched = launch();
    expect((launched.remote as unknown as Record<symbol, unknown>)[Symbol.toStringTag]).toBeUndefined();
    expect(FakeWorker.started).toHaveLength(0);
    expect(await launched.remote.add(1, 2)).toBe(3);
    launched.remote[Comlink.releaseProxy]();
    expect(FakeWorker.started[0]!.terminated).toBe(true);
    expect(await launched.remote.add(2, 3)).toBe(5);
    launched.terminate();
  });

  it('a worker the browser cannot create fails the call instead of throwing at it', async () => {
    const launched = launchWorker<Api>('absent', () => {
      throw new ReferenceError('Worker is not defined');
    });
    const call = launched.remote.add(1, 2);
    await expect(call).rejects.toThrow('Worker is not defined');
  });

  it('terminate ends the worker; the next call starts a new one', async () => {
    const launched = launch();
    expect(await launched.remote.add(1, 2)).toBe(3);
    launched.terminate();
    expect(FakeWorker.started[0]!.terminated).toBe(true);
    expect(await launched.remote.add(3, 4)).toBe(7);
    expect(FakeWorker.started).toHaveLength(2);
    launched.terminate();
  });
});
