import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadChangeFor, bulkOpSchema } from './bulk-edit';
import { inlineEditOp, inlineText, parseTagList, INLINE_COLUMNS, type InlineValues } from './inline-edit';
import type { Lead } from './lead';

const NOW = Date.UTC(2026, 11, 2);
const current: InlineValues = {
  name: 'Ada',
  company: 'Acme',
  sourceId: 'web-forms',
  campaignId: 'spring',
  tags: ['vip', 'callback'],
};
const lead = (v: InlineValues): Lead => ({
  id: 1,
  phoneE164: '+12025550100',
  phoneRaw: '',
  region: 'US',
  timeZone: 'America/New_York',
  name: v.name,
  company: v.company,
  email: '',
  tags: [...v.tags],
  sourceId: v.sourceId,
  ...(v.campaignId ? { campaignId: v.campaignId } : {}),
  acquiredAt: NOW,
  acquiredAtPrecision: 'exact',
  createdAt: NOW,
  updatedAt: NOW,
  entryMethod: 'manual',
  attempts: 0,
  dncStatus: 'unchecked',
  dncCheckedVersions: [],
});

describe('inline edit of one cell', () => {
  it('saves nothing when the text says what the lead holds', () => {
    for (const c of INLINE_COLUMNS)
      expect(inlineEditOp(c, current, inlineText(c, current))).toEqual({ ok: true, op: null });
    expect(inlineEditOp('name', current, '  Ada ')).toEqual({ ok: true, op: null });
    expect(inlineEditOp('tags', current, 'callback, vip, vip')).toEqual({ ok: true, op: null });
  });

  it('makes the operation a bulk edit of that lead would', () => {
    expect(inlineEditOp('name', current, ' Ada Lovelace ')).toEqual({
      ok: true,
      op: { kind: 'set-text', field: 'name', value: 'Ada Lovelace' },
    });
    expect(inlineEditOp('company', current, '')).toEqual({
      ok: true,
      op: { kind: 'set-text', field: 'company', value: '' },
    });
    expect(inlineEditOp('source', current, 'fairs')).toEqual({
      ok: true,
      op: { kind: 'set-source', sourceId: 'fairs' },
    });
    expect(inlineEditOp('campaign', current, '')).toEqual({ ok: true, op: { kind: 'set-campaign', campaignId: null } });
    expect(inlineEditOp('tags', current, 'vip, 重要')).toEqual({
      ok: true,
      op: {
        kind: 'edit-fields',
        edits: [
          { kind: 'remove-tags', tags: ['callback'] },
          { kind: 'add-tags', tags: ['重要'] },
        ],
      },
    });
    expect(inlineEditOp('tags', current, '')).toEqual({
      ok: true,
      op: { kind: 'remove-tags', tags: ['vip', 'callback'] },
    });
  });

  it('refuses what cannot be saved, and says why', () => {
    expect(inlineEditOp('name', current, 'x'.repeat(201))).toEqual({ ok: false, problem: 'too-long' });
    expect(inlineEditOp('source', current, '')).toEqual({ ok: false, problem: 'source-required' });
    expect(inlineEditOp('tags', current, `ok, ${'t'.repeat(41)}`)).toEqual({ ok: false, problem: 'tag-too-long' });
  });

  it('applied to the lead, every op leaves the cell reading what was typed (fast-check)', () => {
    const word = fc.constantFrom('vip', 'callback', '重要', 'a b', 'new');
    const valuesArb = fc.record({
      name: fc.string({ maxLength: 8 }),
      company: fc.string({ maxLength: 8 }),
      sourceId: fc.constantFrom('web-forms', 'fairs'),
      campaignId: fc.constantFrom('', 'spring'),
      tags: fc.uniqueArray(word, { maxLength: 4 }),
    });
    fc.assert(
      fc.property(valuesArb, fc.constantFrom(...INLINE_COLUMNS), valuesArb, (was, column, wanted) => {
        const input = inlineText(column, wanted);
        const r = inlineEditOp(column, was, input);
        if (!r.ok) return;
        const before = lead(was);
        const change = r.op ? leadChangeFor(before, bulkOpSchema.parse(r.op), NOW) : null;
        const after = { ...before, ...change } as Lead;
        const shown: InlineValues = {
          name: after.name,
          company: after.company,
          sourceId: after.sourceId,
          campaignId: after.campaignId ?? '',
          tags: after.tags,
        };
        if (column === 'tags') expect([...shown.tags].sort()).toEqual(parseTagList(input).sort());
        else if (column === 'name' || column === 'company') expect(shown[column]).toBe(input.trim());
        else expect(inlineText(column, shown)).toBe(input);
      }),
      { numRuns: 500 },
    );
  });
});
