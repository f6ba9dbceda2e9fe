/**
 * Sync rounds over one replica never overlap, whichever tab runs them (a Web Lock per database);
 * a round that waited too long for another gives way. Against a small lock manager with the Web
 * Locks API's exclusive queue and abort (Node has none; Chromium's is driven by e2e's team tests).
 */
import { describe, expect, it } from 'vitest';
import { underRoundLock } from './sync-round';

/** Exclusive locks by name, granted in request order; a request aborted while waiting rejects with the signal's reason. */
function lockManager(): LockManager {
  const tails = new Map<string, Promise<void>>();
  const request = (name: string, options: LockOptions, callback: (lock: Lock | null) => unknown) => {
    const before = tails.get(name) ?? Promise.resolve();
    let release!: () => void;
    tails.set(name, new Promise<void>((r) => (release = r)));
    return new Promise((resolve, reject) => {
      let granted = false;
      options.signal?.addEventListener('abort', () => {
        if (granted) return;
        // Its place in the queue is given to the next request.
        before.then(release, release);
        reject(options.signal!.reason);
      });
      void before.then(async () => {
        if (options.signal?.aborted) return;
        granted = true;
        try {
          resolve(await callback({ name, mode: 'exclusive' } as Lock));
        } catch (error) {
          reject(error);
        } finally {
          release();
        }
      });
    });
  };
  return { request, query: async () => ({}) } as unknown as LockManager;
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('a sync round under the replica lock', () => {
  it('waits for the round another tab is running over the same database, not for one over another', async () => {
    const locks = lockManager();
    const log: string[] = [];
    const round = (tab: string, db: string) =>
      underRoundLock(
        db,
        async () => {
          log.push(`${tab} starts`);
          await tick();
          log.push(`${tab} ends`);
          return tab;
        },
        locks,
      );
    const answers = await Promise.all([round('a', 'leadledger'), round('b', 'leadledger'), round('c', 'other')]);
    expect(answers).toEqual(['a', 'b', 'c']);
    expect(log.indexOf('b starts')).toBeGreaterThan(log.indexOf('a ends'));
    expect(log.indexOf('c starts')).toBeLessThan(log.indexOf('a ends'));
  });

  it('gives way (does nothing) when the other round outlasts the wait, and the next round runs', async () => {
    const locks = lockManager();
    let finish!: () => void;
    const long = underRoundLock('leadledger', () => new Promise<string>((r) => (finish = () => r('long'))), locks);
    let ran = false;
    const waiting = underRoundLock(
      'leadledger',
      async () => {
        ran = true;
        return 'late';
      },
      locks,
      20,
    );
    expect(await waiting).toBeNull();
    expect(ran).toBe(false);
    finish();
    expect(await long).toBe('long');
    expect(await underRoundLock('leadledger', async () => 'next', locks)).toBe('next');
  });

  it('runs at once where the runtime has no Web Locks', async () => {
    expect(await underRoundLock('leadledger', async () => 'ran', undefined)).toBe('ran');
  });
});
