import { describe, expect, it } from 'vitest';
import {
  applyRemembered,
  CALL_FIELDS,
  duplicateHeaders,
  LEAD_FIELDS,
  mappingToHeaders,
  normaliseHeader,
  suggestMapping,
  uniqueHeaders,
} from './column-mapping';

describe('suggestMapping', () => {
  it.each([
    [
      ['Phone', 'Name', 'Company', 'Source', 'Campaign', 'Acquired at'],
      { phone: 0, name: 1, company: 2, source: 3, campaign: 4, acquiredAt: 5 },
    ],
    [
      ['手机号', '姓名', '公司', '渠道', '活动', '获取时间'],
      { phone: 0, name: 1, company: 2, source: 3, campaign: 4, acquiredAt: 5 },
    ],
    [['电话', '名字', '来源', '采集时间', '标签'], { phone: 0, name: 1, source: 2, acquiredAt: 3, tags: 4 }],
    [
      ['  MOBILE NUMBER ', 'full_name', 'E-mail', 'Acquisition Date', 'Consent', 'Consent date', 'Proof'],
      { phone: 0, name: 1, email: 2, acquiredAt: 3, consent: 4, consentAt: 5, consentProof: 6 },
    ],
    [['tel', 'collected'], { phone: 0, acquiredAt: 1 }],
  ])('suggests fields for %j', (headers, expected) => {
    expect(suggestMapping(headers, LEAD_FIELDS)).toEqual(expected);
  });
  it('prefers a real phone header to a column merely called "number"', () => {
    expect(suggestMapping(['Number', 'Phone'], LEAD_FIELDS).phone).toBe(1);
  });
  it('suggests call-log fields', () => {
    expect(suggestMapping(['电话', '通话时间', '通话结果', '通话时长', '坐席'], CALL_FIELDS)).toEqual({
      phone: 0,
      at: 1,
      outcome: 2,
      duration: 3,
      agent: 4,
    });
  });
  it('treats full-width letters and spaces like their plain forms', () => {
    expect(normaliseHeader('Ｐｈｏｎｅ　Ｎｏ.')).toBe('phoneno');
  });
});

describe('headers', () => {
  it('names every column of a shared header by its position, and blank ones too, so each column can be told apart', () => {
    expect(uniqueHeaders(['phone', 'phone', ' ', 'phone', '__proto__'])).toEqual([
      'phone (column 1)',
      'phone (column 2)',
      'column 3',
      'phone (column 4)',
      '__proto__',
    ]);
    // A real header that already reads like a label is still told apart from the column it names.
    expect(new Set(uniqueHeaders(['phone (column 2)', 'phone', 'phone'])).size).toBe(3);
  });
  it('lists the header names two or more columns share, with their columns', () => {
    expect(duplicateHeaders(['phone', 'name', ' Phone', 'phone ', '', ''])).toEqual([
      { name: 'phone', columns: [1, 4] },
    ]);
    expect(duplicateHeaders(['phone', 'name'])).toEqual([]);
  });
  it('a __proto__ header is a column like any other, and pollutes nothing', () => {
    const headers = uniqueHeaders(['__proto__', 'phone']);
    const mapping = { ...suggestMapping(headers, LEAD_FIELDS), name: 0 };
    expect(mapping).toEqual({ phone: 1, name: 0 });
    const remembered = mappingToHeaders(headers, mapping);
    expect(remembered).toEqual({ phone: 'phone', name: '__proto__' });
    expect(applyRemembered(headers, remembered, LEAD_FIELDS)).toEqual({ phone: 1, name: 0 });
    expect(({} as Record<string, unknown>).phone).toBeUndefined();
  });
  it('maps a column new in this file by its suggestion, and never takes a column the remembered fields use', () => {
    const headers = ['Tel', 'Who', 'campaign', 'Org'];
    const suggested = suggestMapping(headers, LEAD_FIELDS);
    expect(suggested).toMatchObject({ campaign: 2 });
    // Remembered from a file with no campaign column: the campaign column here is still mapped.
    expect(applyRemembered(headers, { phone: 'Tel', name: 'Who' }, LEAD_FIELDS, suggested)).toEqual({
      phone: 0,
      name: 1,
      campaign: 2,
    });
    // A remembered field keeps its own column, even where a suggestion points elsewhere; its missing header leaves it unset.
    expect(
      applyRemembered(headers, { phone: 'Tel', name: 'campaign', company: 'Gone' }, LEAD_FIELDS, {
        ...suggested,
        company: 3,
      }),
    ).toEqual({ phone: 0, name: 2 });
  });
  it('applies a remembered mapping only where the header exists in this file', () => {
    expect(applyRemembered(['Tel', 'Who'], { phone: 'Tel', name: 'Who', company: 'Org' }, LEAD_FIELDS)).toEqual({
      phone: 0,
      name: 1,
    });
  });
});
