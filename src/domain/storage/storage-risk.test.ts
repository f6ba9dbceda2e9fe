import { describe, expect, it } from 'vitest';
import { BACKUP_FRESH_MS, storageRisk, type StorageFacts } from './storage-risk';

const NOW = Date.UTC(2026, 10, 29, 12);
const base: StorageFacts = { usage: 10e6, quota: 1e9, persisted: true, lastBackupAt: null, now: NOW };

describe('storageRisk', () => {
  it('says nothing when storage is persistent and has room', () => {
    expect(storageRisk(base)).toBeNull();
  });

  it('says nothing while the facts are still unknown', () => {
    expect(storageRisk({ ...base, usage: null, quota: null, persisted: null, lastBackupAt: undefined })).toBeNull();
    expect(storageRisk({ ...base, persisted: false, lastBackupAt: undefined })).toBeNull();
  });

  it('warns from 80% of the quota, and calls 95% full', () => {
    expect(storageRisk({ ...base, usage: 0.79e9 })).toBeNull();
    expect(storageRisk({ ...base, usage: 0.8e9 })).toEqual({ kind: 'nearly-full', share: 0.8 });
    expect(storageRisk({ ...base, usage: 0.95e9 })).toEqual({ kind: 'full', share: 0.95 });
    expect(storageRisk({ ...base, usage: 2e9 })).toEqual({ kind: 'full', share: 2 });
  });

  it('ranks a full disk above eviction', () => {
    expect(storageRisk({ ...base, usage: 0.99e9, persisted: false })?.kind).toBe('full');
  });

  it('warns of eviction when storage is not persistent and no backup is at most a week old', () => {
    expect(storageRisk({ ...base, persisted: false })).toEqual({ kind: 'evictable', lastBackupAt: null });
    const old = NOW - BACKUP_FRESH_MS - 1;
    expect(storageRisk({ ...base, persisted: false, lastBackupAt: old })).toEqual({
      kind: 'evictable',
      lastBackupAt: old,
    });
    expect(storageRisk({ ...base, persisted: false, lastBackupAt: NOW - BACKUP_FRESH_MS })).toBeNull();
  });

  it('ignores a zero quota (no estimate) rather than dividing by it', () => {
    expect(storageRisk({ ...base, usage: 5, quota: 0 })).toBeNull();
  });

  it('puts a refused write above everything: Chromium may estimate plenty of room while the disk is full', () => {
    expect(storageRisk({ ...base, persisted: false, usage: 0.99e9, refusedAt: NOW - 5 })).toEqual({
      kind: 'refused',
      at: NOW - 5,
    });
  });
});
