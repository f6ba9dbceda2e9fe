import { describe, expect, it } from 'vitest';
import type { CsvRow } from './csv-reader';
import { consentKindOf, splitTags, validateLeadRow, type LeadRowContext } from './row-validation';

const NOW = Date.UTC(2026, 2, 14, 12);
const headers = ['phone', 'name', 'company', 'email', 'acquired', 'source', 'tags', 'consent'];
const ctx: LeadRowContext = {
  headers,
  mapping: { phone: 0, name: 1, company: 2, email: 3, acquiredAt: 4, source: 5, tags: 6, consent: 7 },
  defaultRegion: 'US',
  orgTimeZone: 'America/New_York',
  now: NOW,
  time: { format: null, timeZone: 'America/New_York' },
  declaredAcquiredAt: null,
  defaultSource: 'web-forms',
  defaultCampaign: null,
};
const row = (over: Partial<Record<(typeof headers)[number], string>> = {}, line = 2): CsvRow => ({
  line,
  cells: headers.map(
    (h) =>
      ({
        phone: '(213) 373-4253',
        name: 'Ann Lee',
        company: 'Acme',
        email: 'ann@acme.com',
        acquired: '2026-01-10T09:00:00Z',
        source: '',
        tags: 'expo, vip',
        consent: '',
        ...over,
      })[h]!,
  ),
});
const reasons = (r: ReturnType<typeof validateLeadRow>) =>
  r.ok ? [] : r.rejections.map((x) => `${x.column}:${x.reason}`);

describe('validateLeadRow', () => {
  it('normalises (213) 373-4253 with default region US to E.164 and keeps the raw text', () => {
    const r = validateLeadRow(row(), ctx);
    expect(r.ok && r.value).toMatchObject({
      phoneE164: '+12133734253',
      phoneRaw: '(213) 373-4253',
      region: 'US',
      sourceRef: 'web-forms',
      tags: ['expo', 'vip'],
      acquiredAt: Date.UTC(2026, 0, 10, 9),
      precision: 'exact',
      declared: false,
    });
  });
  it.each([
    ['5.55E+09', 'phone:phone-scientific-notation'],
    ['12345', 'phone:phone-too-short'],
    ['213 373', 'phone:phone-too-short'],
    ['+1 555 010 99999', 'phone:phone-too-long'],
    ['(999) 373-4253', 'phone:phone-invalid'],
    ['', 'phone:phone-empty'],
  ])('rejects the phone %j', (phone, reason) => {
    expect(reasons(validateLeadRow(row({ phone }), ctx))).toEqual([reason]);
  });
  it('keeps leading zeros: a UK mobile with region GB, and a company of digits', () => {
    const r = validateLeadRow(row({ phone: '07911 123456', company: '00123' }), { ...ctx, defaultRegion: 'GB' });
    expect(r.ok && [r.value.phoneE164, r.value.phoneRaw, r.value.company]).toEqual([
      '+447911123456',
      '07911 123456',
      '00123',
    ]);
  });
  it.each([
    ['2099-01-01T00:00:00Z', 'acquired:acquired-future'],
    ['1989-12-31T23:59:59Z', 'acquired:acquired-before-1990'],
    ['2024-02-30', 'acquired:acquired-invalid-date'],
    ['soon', 'acquired:acquired-unrecognised'],
    ['', 'acquired:acquired-empty'],
  ])('rejects the acquisition time %j', (acquired, reason) => {
    expect(reasons(validateLeadRow(row({ acquired }), ctx))).toEqual([reason]);
  });
  it('asks for a format for 03/04/2024 rather than rejecting or guessing', () => {
    expect(validateLeadRow(row({ acquired: '03/04/2024' }), ctx)).toEqual({
      ok: false,
      rejections: [],
      ask: 'format-required',
    });
  });
  it('stores formulas and markup in names as the text they are', () => {
    const r1 = validateLeadRow(row({ name: '=HYPERLINK("http://evil.example","click")' }), ctx);
    const r2 = validateLeadRow(row({ name: '<img src=x onerror=alert(1)>' }), ctx);
    expect(r1.ok && r1.value.name).toBe('=HYPERLINK("http://evil.example","click")');
    expect(r2.ok && r2.value.name).toBe('<img src=x onerror=alert(1)>');
  });
  it('rejects NUL and control characters, U+FFFD and oversized cells, naming the column', () => {
    expect(reasons(validateLeadRow(row({ name: 'Ann\u0000Lee' }), ctx))).toEqual(['name:control-characters']);
    expect(reasons(validateLeadRow(row({ company: 'Acme\u0007' }), ctx))).toEqual(['company:control-characters']);
    expect(reasons(validateLeadRow(row({ name: 'M\uFFFDller' }), ctx))).toEqual(['name:replacement-character']);
    expect(reasons(validateLeadRow(row({ name: 'x'.repeat(5 * 1024 * 1024) }), ctx))).toEqual(['name:field-too-long']);
  });
  it('rejects a ragged row with its field count', () => {
    const r = validateLeadRow({ line: 7, cells: ['1', '2'] }, ctx);
    expect(r).toEqual({ ok: false, rejections: [{ line: 7, column: '', reason: 'ragged', value: '2/8' }] });
  });
  it('reports every problem of a row', () => {
    expect(
      reasons(validateLeadRow(row({ phone: 'abc', email: 'not-an-email', acquired: '2099-01-01T00:00:00Z' }), ctx)),
    ).toEqual(['phone:phone-not-a-number', 'email:email-invalid', 'acquired:acquired-future']);
  });
  it('uses a declared whole-file acquisition date with day precision when no column is mapped', () => {
    const declared = Date.UTC(2026, 0, 5, 5);
    const mapping = { ...ctx.mapping };
    delete mapping.acquiredAt;
    const r = validateLeadRow(row(), { ...ctx, mapping, declaredAcquiredAt: declared });
    expect(r.ok && [r.value.acquiredAt, r.value.precision, r.value.declared]).toEqual([declared, 'day', true]);
    expect(reasons(validateLeadRow(row(), { ...ctx, mapping }))).toEqual(['acquiredAt:acquired-missing']);
  });
  it('needs a source: from the row or the default', () => {
    expect(reasons(validateLeadRow(row(), { ...ctx, defaultSource: null }))).toEqual(['source:source-required']);
    const r = validateLeadRow(row({ source: 'Expo 2026' }), { ...ctx, defaultSource: null });
    expect(r.ok && r.value.sourceRef).toBe('Expo 2026');
  });
  it('reads consent words in English and Chinese', () => {
    expect(['yes', '同意', 'Opt-in', 'no', '拒绝', '', 'maybe'].map(consentKindOf)).toEqual([
      'granted',
      'granted',
      'granted',
      'withdrawn',
      'withdrawn',
      null,
      'unknown',
    ]);
    const r = validateLeadRow(row({ consent: 'yes' }), ctx);
    expect(r.ok && r.value.consents).toEqual([
      { kind: 'granted', capturedAt: Date.UTC(2026, 0, 10, 9), proofRef: null, line: 2 },
    ]);
    expect(reasons(validateLeadRow(row({ consent: 'maybe' }), ctx))).toEqual(['consent:consent-unrecognised']);
  });
  it('splits tags on commas, semicolons and full-width separators', () => {
    expect(splitTags('a, b;c|d、e，a')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('formula-like names', () => {
  it('a name or company a spreadsheet would run is taken as text, with a warning per cell', () => {
    const r = validateLeadRow(row({ name: '=HYPERLINK("http://x","click")', company: 'Acme\n@SUM(A1)' }), ctx);
    expect(r.ok).toBe(true);
    expect(r.ok && r.value.name).toBe('=HYPERLINK("http://x","click")');
    expect(r.ok && r.warnings?.map((w) => `${w.column}:${w.reason}`)).toEqual([
      'name:formula-like',
      'company:formula-like',
    ]);
  });
  it('an ordinary name has no warning', () => {
    const r = validateLeadRow(row({ name: 'Ann = Lee' }), ctx);
    expect(r.ok && r.warnings).toBeUndefined();
  });
});
