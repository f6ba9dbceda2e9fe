import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lead } from '../leads/lead';
import { changedFields, leadFromWire, wireFields } from './lead-diff';

const BASE: Lead = {
  id: 7,
  phoneE164: '+15550100000',
  phoneRaw: '555 0100',
  region: 'US',
  timeZone: 'America/New_York',
  name: 'Ada',
  company: 'Acme',
  email: 'ada@example.test',
  tags: ['a'],
  sourceId: 'web',
  acquiredAt: Date.UTC(2026, 0, 1),
  acquiredAtPrecision: 'day',
  createdAt: Date.UTC(2026, 0, 2),
  updatedAt: Date.UTC(2026, 0, 2),
  entryMethod: 'manual',
  attempts: 0,
  dncStatus: 'unchecked',
  dncCheckedVersions: [3],
  importBatchId: 4,
};

const edits = fc.record(
  {
    name: fc.string(),
    company: fc.string(),
    tags: fc.array(fc.string(), { maxLength: 3 }),
    campaignId: fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
    verifiedAt: fc.option(fc.integer({ min: 0, max: 2e12 }), { nil: undefined }),
    attempts: fc.nat(9),
  },
  { requiredKeys: [] },
);

describe('lead diff', () => {
  it('a new lead sends every synced field, missing optional ones as null', () => {
    const fields = changedFields(undefined, BASE);
    expect(fields.name).toBe('Ada');
    expect(fields.campaignId).toBeNull();
    expect(fields).not.toHaveProperty('id');
    expect(fields).not.toHaveProperty('importBatchId');
    expect(fields).not.toHaveProperty('dncCheckedVersions');
  });

  it('sends exactly the fields an edit changed; laid over the old row they give the new one', () => {
    fc.assert(
      fc.property(edits, (patch) => {
        const after = { ...BASE, ...patch } as Lead;
        for (const [k, v] of Object.entries(patch)) if (v === undefined) delete (after as Record<string, unknown>)[k];
        const changed = changedFields(BASE, after);
        for (const name of Object.keys(changed))
          expect(JSON.stringify(wireFields(BASE)[name as 'name'])).not.toBe(JSON.stringify(changed[name as 'name']));
        const rebuilt = leadFromWire(BASE.id, BASE.phoneE164, changed as Record<string, unknown>, BASE);
        expect(rebuilt).toEqual(after);
      }),
    );
  });

  it('a pulled lead keeps the local-only facts of the row held', () => {
    const pulled = leadFromWire(9, BASE.phoneE164, { ...wireFields(BASE), name: 'Grace' }, { ...BASE, id: 9 });
    expect(pulled).toMatchObject({ id: 9, name: 'Grace', importBatchId: 4, dncCheckedVersions: [3] });
  });

  it('a lead never seen before gets the defaults the local schema needs', () => {
    const pulled = leadFromWire(11, '+15550100001', { name: 'New', attempts: 2, campaignId: null }, undefined);
    expect(pulled).toMatchObject({ id: 11, phoneRaw: '+15550100001', dncCheckedVersions: [], attempts: 2 });
    expect(pulled).not.toHaveProperty('campaignId');
  });
});
