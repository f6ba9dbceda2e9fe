import { describe, expect, it } from 'vitest';
import type { Lead } from '../leads/lead';
import { dedupeWithinFile } from './file-dedupe';
import { mergeIntoLead, undoMerge, type MergeContext } from './lead-merge';
import type { PreparedLead } from './prepared-lead';

const T = (d: number) => Date.UTC(2025, 0, d);
const prepared = (over: Partial<PreparedLead> = {}): PreparedLead => ({
  line: 2,
  phoneE164: '+12133734253',
  phoneRaw: '2133734253',
  region: 'US',
  timeZone: 'America/Los_Angeles',
  name: '',
  company: '',
  email: '',
  tags: [],
  sourceRef: 'expo',
  campaignRef: null,
  acquiredAt: T(10),
  precision: 'exact',
  declared: false,
  consents: [],
  extraAcquisitions: [],
  ...over,
});
const stored: Lead = {
  id: 7,
  phoneE164: '+12133734253',
  phoneRaw: '(213) 373-4253',
  region: 'US',
  timeZone: 'America/Los_Angeles',
  name: 'Ann',
  company: 'Acme',
  email: '',
  tags: ['old'],
  sourceId: 'web-forms',
  acquiredAt: T(5),
  acquiredAtPrecision: 'exact',
  createdAt: T(6),
  updatedAt: T(6),
  entryMethod: 'manual',
  attempts: 0,
  dncStatus: 'listed',
  dncCheckedAt: T(6),
  dncCheckedVersions: [1],
};
const ctx: MergeContext = {
  batchId: 3,
  entryMethod: 'file',
  now: T(20),
  rule: 'keep-existing',
  sourceId: (r) => r,
  campaignId: (r) => r ?? undefined,
};

describe('dedupeWithinFile', () => {
  it('merges two spellings of one number, keeps the earliest acquisition and the other as an extra, and counts', () => {
    const a = prepared({ line: 2, phoneRaw: '(213) 373-4253', name: 'Ann', acquiredAt: T(9), sourceRef: 'a' });
    const b = prepared({
      line: 5,
      phoneRaw: '+1 213-373-4253',
      name: 'Ann Lee',
      company: 'Acme',
      acquiredAt: T(3),
      sourceRef: 'b',
    });
    const out = dedupeWithinFile([a, b, prepared({ phoneE164: '+12133734254', line: 3 })], 'keep-existing');
    expect(out.duplicatesInFile).toBe(1);
    expect(out.conflicts).toBe(1);
    expect(out.leads).toHaveLength(2);
    expect(out.leads[0]).toMatchObject({
      acquiredAt: T(3),
      sourceRef: 'b',
      name: 'Ann',
      company: 'Acme',
      extraAcquisitions: [{ acquiredAt: T(9), sourceRef: 'a', line: 2 }],
    });
    expect(dedupeWithinFile([a, b], 'take-new').leads[0]!.name).toBe('Ann Lee');
  });
});

describe('mergeIntoLead', () => {
  it('keeps the earlier stored acquisition, records the new one, fills empty fields, never touches DNC', () => {
    const m = mergeIntoLead(stored, prepared({ name: 'Annie', email: 'ann@acme.com', tags: ['expo'] }), ctx);
    expect(m.conflicts).toBe(1);
    expect(m.next).toMatchObject({
      name: 'Ann',
      email: 'ann@acme.com',
      tags: ['old', 'expo'],
      acquiredAt: T(5),
      sourceId: 'web-forms',
      dncStatus: 'listed',
      dncCheckedVersions: [1],
      updatedAt: T(20),
    });
    expect(m.acquisitions).toEqual([
      {
        leadId: 7,
        sourceId: 'expo',
        acquiredAt: T(10),
        acquiredAtPrecision: 'exact',
        importBatchId: 3,
        entryMethod: 'file',
        recordedAt: T(20),
        line: 2,
        undo: { before: { email: '', tags: ['old'] }, after: { email: 'ann@acme.com', tags: ['old', 'expo'] } },
      },
    ]);
  });
  it('an earlier import acquisition takes the lead over and the stored one is kept, displaced', () => {
    const m = mergeIntoLead(
      stored,
      prepared({ acquiredAt: T(1), campaignRef: 'spring', precision: 'day', declared: true }),
      { ...ctx, rule: 'take-new' },
    );
    expect(m.next).toMatchObject({
      acquiredAt: T(1),
      sourceId: 'expo',
      campaignId: 'spring',
      acquiredAtPrecision: 'day',
      acquiredAtDeclared: true,
    });
    expect(m.acquisitions).toHaveLength(1);
    expect(m.acquisitions[0]).toMatchObject({
      displaced: true,
      sourceId: 'web-forms',
      acquiredAt: T(5),
      entryMethod: 'manual',
      importBatchId: 3,
    });
    expect(m.acquisitions[0]!.undo!.before).toEqual({
      acquiredAt: T(5),
      acquiredAtPrecision: 'exact',
      acquiredAtDeclared: null,
      sourceId: 'web-forms',
      campaignId: null,
    });
  });
  it('changes nothing when the record adds nothing, but still records the acquisition', () => {
    const m = mergeIntoLead(stored, prepared({ name: 'Ann' }), ctx);
    expect(m.next).toBeNull();
    expect(m.acquisitions).toHaveLength(1);
    expect(m.acquisitions[0]!.undo).toBeUndefined();
  });
  it('undoMerge restores exactly, but leaves a field that was changed again later', () => {
    const m = mergeIntoLead(stored, prepared({ acquiredAt: T(1), campaignRef: 'spring', name: 'Annie' }), {
      ...ctx,
      rule: 'take-new',
    });
    const undo = m.acquisitions[0]!.undo!;
    const restored = undoMerge(m.next!, undo, T(30))!;
    expect({ ...restored, updatedAt: stored.updatedAt }).toEqual(stored);
    const editedLater = undoMerge({ ...m.next!, name: 'Ann B.' }, undo, T(30))!;
    expect(editedLater.name).toBe('Ann B.');
    expect(editedLater.acquiredAt).toBe(T(5));
  });
});
