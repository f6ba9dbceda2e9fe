/**
 * A full disk under fake-indexeddb, for tests: while `disk.full` is on, every read-write
 * transaction aborts with QuotaExceededError when it would commit (as Chromium does). Call once
 * at a test file's top level; it installs itself before each test and is undone after each.
 */
import { afterEach, beforeEach } from 'vitest';

interface FakeTransaction {
  mode: string;
  _state: string;
  _requests: unknown[];
  _start(): void;
  _abort(name: string | null): void;
}

export function fullDisk(): { full: boolean } {
  const disk = { full: false };
  const proto = IDBTransaction.prototype as unknown as FakeTransaction;
  const start = proto._start;
  beforeEach(() => {
    proto._start = function (this: FakeTransaction) {
      if (disk.full && this.mode === 'readwrite' && this._requests.length === 0 && this._state !== 'finished')
        return this._abort('QuotaExceededError');
      start.call(this);
    };
  });
  afterEach(() => {
    disk.full = false;
    proto._start = start;
  });
  return disk;
}
