import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { currentDurability, strictTransaction } from './durability';
import { deleteFreshDatabases, freshDb } from './test-databases';

deleteFreshDatabases();

describe('strictTransaction', () => {
  it('commits with strict durability, even when the database is not open yet', async () => {
    const db = freshDb();
    expect(db.isOpen()).toBe(false);
    const seen = await strictTransaction(db, 'rw', [db.settings], async () => {
      await db.settings.put({ key: 'k', value: 1 });
      return currentDurability();
    });
    expect(seen).toBe('strict');
    expect(await db.settings.get('k')).toEqual({ key: 'k', value: 1 });
  });

  it('leaves other transactions at the default, including ones running at the same time', async () => {
    const db = freshDb();
    await db.open();
    const [strict, normal] = await Promise.all([
      strictTransaction(db, 'rw', [db.settings], async () => {
        await db.settings.put({ key: 'a', value: 1 });
        return currentDurability();
      }),
      db.transaction('rw', [db.leads], async () => currentDurability()),
    ]);
    expect(strict).toBe('strict');
    expect(normal).toBe('default');
    expect(await db.transaction('r', [db.settings], async () => currentDurability())).toBe('default');
  });

  it('rolls back everything when the scope throws, like any transaction', async () => {
    const db = freshDb();
    await expect(
      strictTransaction(db, 'rw', [db.settings], async () => {
        await db.settings.put({ key: 'gone', value: 1 });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.settings.get('gone')).toBeUndefined();
    expect(Dexie.currentTransaction).toBeNull();
  });
});
