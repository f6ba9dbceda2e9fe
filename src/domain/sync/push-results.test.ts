import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retryDelay, settle, type PushResult } from './push-results';

const status = fc.constantFrom<PushResult['status']>('applied', 'quarantined', 'deferred');

describe('push results', () => {
  it('every sent mutation is either acknowledged or kept, never both', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { maxLength: 20 }), fc.array(status, { maxLength: 20 }), (ids, st) => {
        const results = ids.flatMap((id, i) => (st[i] ? [{ id, status: st[i] }] : []));
        const s = settle(ids, results);
        expect([...s.acknowledged, ...s.deferred].sort()).toEqual([...ids].sort());
        expect(s.acknowledged.filter((id) => s.deferred.includes(id))).toEqual([]);
      }),
    );
  });

  it('keeps the quarantine reason and the conflicts a user should see', () => {
    const s = settle(
      ['a', 'b', 'c'],
      [
        { id: 'a', status: 'quarantined', reason: 'phone-immutable', detail: 'x' },
        {
          id: 'b',
          status: 'applied',
          superseded: [
            { field: 'name', yours: 'Ada', kept: 'Grace', keptHlc: 'h' },
            { field: 'updatedAt', yours: 1, kept: 2, keptHlc: 'h' },
          ],
        },
        { id: 'c', status: 'deferred', reason: 'chain-gap' },
      ],
    );
    expect(s.quarantined).toEqual([{ id: 'a', reason: 'phone-immutable', detail: 'x' }]);
    expect(s.conflicts.map((c) => c.field.field)).toEqual(['name']);
    expect(s.deferred).toEqual(['c']);
  });

  it('backs off by doubling, capped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), (n) => {
        expect(retryDelay(n + 1)).toBeGreaterThanOrEqual(retryDelay(n));
        expect(retryDelay(n)).toBeLessThanOrEqual(300_000);
      }),
    );
    expect(retryDelay(1)).toBe(2_000);
  });
});
