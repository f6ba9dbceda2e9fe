/** Audit entries in words, and their records old → new, as worked examples. */
import { describe, expect, it } from 'vitest';
import { auditRecords, summariseAudit } from './audit-summary';

const bulk = {
  action: 'bulk-edit' as const,
  entity: 'lead',
  ids: [3, 4],
  before: {
    op: {
      kind: 'edit-fields',
      edits: [
        { kind: 'set-campaign', campaignId: 'spring' },
        { kind: 'add-tags', tags: ['vip'] },
      ],
    },
    leads: { 3: { campaignId: null, tags: [] }, 4: { campaignId: 'q4', tags: ['vip'] } },
  },
  after: {
    op: { kind: 'edit-fields', edits: [] },
    leads: { 3: { campaignId: 'spring', tags: ['vip'] }, 4: { campaignId: 'spring' } },
  },
};

describe('summariseAudit', () => {
  it('a multi-field bulk edit names each change and the count', () => {
    expect(summariseAudit(bulk)).toEqual({
      key: 'bulk-edit',
      count: 2,
      changes: [
        { kind: 'campaign', value: 'spring' },
        { kind: 'tagsAdded', value: 'vip' },
      ],
      figures: {},
    });
  });

  it('an undo names the entry it undid and what that entry did', () => {
    const undo = {
      action: 'undo' as const,
      entity: 'lead',
      ids: [3, 4],
      before: { undid: 12 },
      after: { undid: 12, op: { kind: 'request-consent-renewal', channel: 'letter' } },
    };
    expect(summariseAudit(undo)).toMatchObject({
      key: 'undo',
      undid: 12,
      count: 2,
      changes: [{ kind: 'renewalRequested', value: 'letter' }],
    });
  });

  it('an erasure names its lead and counts the entries it redacted, here or on another device of the team', () => {
    const forget = { action: 'forget' as const, entity: 'lead', ids: [12], before: null };
    expect(summariseAudit({ ...forget, after: { redactedSeqs: [3, 5, 8], suppression: 'hmac:x' } })).toMatchObject({
      key: 'forget',
      count: 3,
      figures: { id: '12' },
    });
    expect(summariseAudit({ ...forget, after: { redactedSeqs: [], erasedElsewhere: true } })).toMatchObject({
      key: 'forget-elsewhere',
      count: 0,
      figures: { id: '12' },
    });
  });

  it('a DNC scrub counts the leads it checked and those listed (its ids are empty)', () => {
    const scrub = {
      action: 'dnc-scrub' as const,
      entity: 'lead',
      ids: [],
      before: null,
      after: { at: 1, versionIds: [1], leadCount: 20_000, listed: 312, scrubId: 4 },
    };
    expect(summariseAudit(scrub)).toMatchObject({ key: 'dnc-scrub', count: 20_000, figures: { listed: 312 } });
  });

  it('a redacted entry says so instead of reading its details', () => {
    expect(summariseAudit({ ...bulk, before: { redacted: true, at: 5 }, after: { redacted: true, at: 5 } }).key).toBe(
      'redacted',
    );
  });
});

describe('auditRecords', () => {
  it('lists each lead with its fields old → new (absent as null)', () => {
    expect(auditRecords(bulk)).toEqual([
      {
        id: 3,
        fields: [
          { field: 'campaignId', before: null, after: 'spring' },
          { field: 'tags', before: [], after: ['vip'] },
        ],
      },
      { id: 4, fields: [{ field: 'campaignId', before: 'q4', after: 'spring' }] },
    ]);
  });

  it("an undo shows the reverted entry's records with the values swapped", () => {
    const undo = { action: 'undo' as const, entity: 'lead', ids: [3, 4], before: { undid: 12 }, after: { undid: 12 } };
    expect(auditRecords(undo, bulk)[1]).toEqual({
      id: 4,
      fields: [{ field: 'campaignId', before: 'spring', after: 'q4' }],
    });
  });

  it('a deletion lists the deleted rows by name and number', () => {
    const del = {
      action: 'delete' as const,
      ids: [9],
      before: { op: { kind: 'delete' }, rows: [{ id: 9, name: 'Ada', phoneE164: '+12125550100' }] },
      after: {},
    };
    expect(auditRecords(del)).toEqual([
      {
        id: 9,
        fields: [
          { field: 'name', before: 'Ada', after: null },
          { field: 'phoneE164', before: '+12125550100', after: null },
        ],
      },
    ]);
  });
});
