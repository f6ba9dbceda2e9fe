/**
 * The page's end of the sync worker: a worker that cannot start (its script did not load)
 * fails the round instead of leaving it waiting for an answer that never comes,
 * is terminated, and the next round starts a new worker.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { roundInWorker } from './sync-worker';

afterEach(() => vi.unstubAllGlobals());

describe('the sync worker, from the page', () => {
  it('a failed worker fails the round and is replaced by the next one', async () => {
    const started: string[] = [];
    let terminated = 0;
    class FailingWorker extends EventTarget {
      constructor(_url: URL, options: WorkerOptions) {
        super();
        started.push(options.name ?? '');
      }
      postMessage(): void {
        setTimeout(() => this.dispatchEvent(Object.assign(new Event('error'), { message: 'script failed to load' })));
      }
      start(): void {}
      terminate(): void {
        terminated++;
      }
    }
    vi.stubGlobal('Worker', FailingWorker);
    await expect(roundInWorker(async () => 'tok')).rejects.toThrow(
      'the sync worker could not start: script failed to load',
    );
    await expect(roundInWorker(async () => 'tok')).rejects.toThrow('the sync worker could not start');
    expect(started).toEqual(['sync', 'sync']);
    expect(terminated).toBe(2);
  });
});
