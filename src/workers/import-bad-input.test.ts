/**
 * The bad-input list of the import issue, one test each, through the whole pipeline the
 * worker runs (open → inspect → check → commit) on fake-indexeddb: a clear message, nothing
 * lost, nothing half-written.
 */
import { describe, expect, it } from 'vitest';
import { encodeGb18030 } from '../testing/gb18030';
import { loadComplianceWorld } from '../db/repos/compliance-world-repo';
import { verdictsAt } from '../domain/compliance/judge';
import type { LeadsDb } from '../db/leads-db';
import { ImportSession } from './import-session';
import { bytesOf, check, importLeads, NOW, freshDatabases } from './import-test-kit';

const fresh = freshDatabases();

const HEAD = 'phone,name,acquired at\n';
const ROW = (phone: string, name = 'Ann', at = '2026-01-10T09:00:00Z') => `${phone},${name},${at}\n`;
const reasons = (s: { rejections: { line: number; column: string; reason: string }[] }) =>
  s.rejections.map((r) => `${r.line}:${r.column}:${r.reason}`);
const nothingWritten = async (db: LeadsDb) =>
  expect([await db.leads.count(), await db.importBatches.count(), await db.audit.count()]).toEqual([0, 0, 0]);

describe('bad input', () => {
  it('unbalanced quote: the file is refused at the line of the quote, nothing written', async () => {
    const db = fresh();
    const { session, summary } = await check(
      db,
      `${HEAD}${ROW('2133734253')}"2133734254,Bob,2026-01-10T09:00:00Z\n${ROW('2133734255')}`,
    );
    expect(summary.fileProblem).toEqual({ code: 'unbalanced-quote', line: 3 });
    expect(await session.commit()).toEqual({ ok: false, error: 'nothing-to-commit' });
    await nothingWritten(db);
  });

  it('stray quote inside a field: accepted, with a warning naming the line', async () => {
    const db = fresh();
    const { summary, leads } = await importLeads(db, `${HEAD}${ROW('2133734253', 'Ann "Annie" Lee')}`);
    expect(summary.counts).toMatchObject({ valid: 1, rejected: 0, warnings: 1 });
    expect(summary.warnings).toEqual([{ line: 2, column: '', reason: 'stray-quote', value: '' }]);
    expect(leads[0]!.name).toBe('Ann "Annie" Lee');
  });

  it('semicolon-delimited European Excel file (decimal commas in values)', async () => {
    const db = fresh();
    const { inspection, leads } = await importLeads(
      db,
      'Telefon;Name;Score;Acquired at\n2133734253;Müller;1,5;2026-01-10T09:00:00Z\n',
    );
    expect(inspection.delimiter).toBe(';');
    expect(leads.map((l) => [l.phoneE164, l.name])).toEqual([['+12133734253', 'Müller']]);
  });

  it('single-column file, with one acquisition date declared for the whole file', async () => {
    const db = fresh();
    const { inspection, leads } = await importLeads(db, 'phone\n2133734253\n2133734254\n', {
      declaredAcquiredDay: '2026-01-05',
      time: { format: null, timeZone: 'America/New_York' },
    });
    expect([inspection.headers, inspection.delimiterConfident]).toEqual([['phone'], false]);
    expect(leads.map((l) => [l.acquiredAt, l.acquiredAtPrecision, l.acquiredAtDeclared])).toEqual([
      [Date.UTC(2026, 0, 5, 5), 'day', true],
      [Date.UTC(2026, 0, 5, 5), 'day', true],
    ]);
  });

  it('UTF-8 with BOM: the BOM is not part of the first header', async () => {
    const db = fresh();
    const { inspection, leads } = await importLeads(
      db,
      new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf(`${HEAD}${ROW('2133734253')}`)]),
    );
    expect([inspection.encoding, inspection.bom, inspection.headers[0], inspection.suggested.phone]).toEqual([
      'utf-8',
      true,
      'phone',
      0,
    ]);
    expect(leads).toHaveLength(1);
  });

  it('GB18030 bytes from Chinese Excel, with Chinese headers', async () => {
    const db = fresh();
    const file = encodeGb18030('手机号,姓名,公司,获取时间\n13800138000,张三,北京科技,2026-01-10 09:00\n');
    const { inspection, leads } = await importLeads(db, file, {
      region: 'CN',
      time: { format: null, timeZone: 'Asia/Shanghai' },
    });
    expect(inspection.encoding).toBe('gb18030');
    expect(inspection.suggested).toEqual({ phone: 0, name: 1, company: 2, acquiredAt: 3 });
    expect(leads.map((l) => [l.phoneE164, l.name, l.company, l.acquiredAt])).toEqual([
      ['+8613800138000', '张三', '北京科技', Date.UTC(2026, 0, 10, 1)],
    ]);
  });

  it('Windows-1252 bytes: decoded as such, no U+FFFD stored', async () => {
    const db = fresh();
    const file = Uint8Array.from(`${HEAD}${ROW('2133734253', 'Zoë Müller')}`, (c) => c.charCodeAt(0));
    const { inspection, leads } = await importLeads(db, file);
    expect(inspection.encoding).toBe('windows-1252');
    expect(leads[0]!.name).toBe('Zoë Müller');
  });

  it('UTF-16 with BOM', async () => {
    const db = fresh();
    const text = `\uFEFF${HEAD}${ROW('2133734253', '李四')}`;
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[i * 2] = text.charCodeAt(i) & 0xff;
      bytes[i * 2 + 1] = text.charCodeAt(i) >> 8;
    }
    const { inspection, leads } = await importLeads(db, bytes);
    expect([inspection.encoding, inspection.bom]).toEqual(['utf-16le', true]);
    expect(leads[0]!.name).toBe('李四');
  });

  it('CR-only and mixed CRLF/LF line ends: every row read, rejections at the right line', async () => {
    const db = fresh();
    const cr = await check(db, `${HEAD}${ROW('2133734253')}${ROW('12')}`.replace(/\n/g, '\r'));
    expect([cr.summary.counts.rowsRead, reasons(cr.summary)]).toEqual([2, ['3:phone:phone-too-short']]);
    const mixed = await check(
      db,
      `phone,name,acquired at\r\n${ROW('2133734253')}2133734254,"Two\r\nlines",2026-01-10T09:00:00Z\r${ROW('12')}`,
    );
    expect([mixed.summary.counts.rowsRead, reasons(mixed.summary)]).toEqual([3, ['5:phone:phone-too-short']]);
  });

  it('trailing blank lines make no phantom rows', async () => {
    const db = fresh();
    const { summary } = await importLeads(db, `${HEAD}${ROW('2133734253')}\n\n,,\n\r\n   \n`);
    expect(summary.counts).toMatchObject({ rowsRead: 1, valid: 1, rejected: 0 });
  });

  it('ragged rows are rejected with their line number; the rest is imported', async () => {
    const db = fresh();
    const { summary, leads } = await importLeads(
      db,
      `${HEAD}2133734253,Ann\n${ROW('2133734254')}2133734255,Bob,2026-01-10T09:00:00Z,extra\n`,
    );
    expect(reasons(summary)).toEqual(['2::ragged', '4::ragged']);
    expect(leads).toHaveLength(1);
  });

  it('duplicate header names: both columns can be told apart and mapped', async () => {
    const db = fresh();
    const file = 'phone,phone,acquired at\n2133734253,2133734254,2026-01-10T09:00:00Z\n';
    const first = await check(db, file);
    expect(first.inspection.headers).toEqual(['phone (column 1)', 'phone (column 2)', 'acquired at']);
    const { leads } = await importLeads(db, file, { mapping: { phone: 1, acquiredAt: 2 } });
    expect(leads.map((l) => l.phoneE164)).toEqual(['+12133734254']);
  });

  it('headers with spaces and different case are recognised', async () => {
    const db = fresh();
    const { inspection } = await check(
      db,
      '  PHONE NUMBER , Full_Name ,ACQUIRED AT\n2133734253,Ann,2026-01-10T09:00:00Z\n',
    );
    expect(inspection.suggested).toEqual({ phone: 0, name: 1, acquiredAt: 2 });
  });

  it('a __proto__ header is an ordinary column: mapped, stored as text, nothing polluted', async () => {
    const db = fresh();
    const { leads, batch } = await importLeads(
      db,
      '__proto__,phone,acquired at\n{"isAdmin":true},2133734253,2026-01-10T09:00:00Z\n',
      { mapping: { name: 0, phone: 1, acquiredAt: 2 } },
    );
    expect(leads[0]!.name).toBe('{"isAdmin":true}');
    expect(batch.mapping).toEqual({ name: '__proto__', phone: 'phone', acquiredAt: 'acquired at' });
    expect(Object.getPrototypeOf(batch.mapping)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('NUL and control characters: the row is rejected naming the column', async () => {
    const db = fresh();
    const { summary, leads } = await importLeads(
      db,
      `${HEAD}${ROW('2133734253', 'Ann\u0000Lee')}${ROW('2133734254', 'Bob\u001bBell')}${ROW('2133734255', 'Cy\tTab')}`,
    );
    expect(reasons(summary)).toEqual(['2:name:control-characters', '3:name:control-characters']);
    expect(leads.map((l) => l.name)).toEqual(['Cy\tTab']);
  });

  it('empty file and header-only file: "0 rows", nothing written', async () => {
    const db = fresh();
    const session = new ImportSession(db, () => NOW);
    expect(await session.open(new File([], 'empty.csv'))).toMatchObject({ ok: false, error: 'empty-file' });
    const headerOnly = await check(db, HEAD);
    expect([headerOnly.summary.fileProblem, headerOnly.summary.counts.rowsRead]).toEqual([{ code: 'no-rows' }, 0]);
    expect(await headerOnly.session.commit()).toEqual({ ok: false, error: 'nothing-to-commit' });
    await nothingWritten(db);
  });

  it('numbers with leading zeros are kept as text, never typed as numbers', async () => {
    const db = fresh();
    const { leads } = await importLeads(
      db,
      'phone,company,tags,acquired at\n07911 123456,00123,007,2026-01-10T09:00:00Z\n',
      { region: 'GB' },
    );
    expect(leads.map((l) => [l.phoneRaw, l.phoneE164, l.company, l.tags])).toEqual([
      ['07911 123456', '+447911123456', '00123', ['007']],
    ]);
  });

  it("Excel's scientific notation 5.55E+09 is rejected, not turned into a number", async () => {
    const db = fresh();
    const { summary } = await check(db, `${HEAD}${ROW('5.55E+09')}`);
    expect(reasons(summary)).toEqual(['2:phone:phone-scientific-notation']);
  });

  it('invalid and too-short numbers are rejected with the reason', async () => {
    const db = fresh();
    const { summary } = await check(db, `${HEAD}${ROW('12345')}${ROW('(999) 373-4253')}${ROW('call me')}`);
    expect(reasons(summary)).toEqual([
      '2:phone:phone-too-short',
      '3:phone:phone-invalid',
      '4:phone:phone-not-a-number',
    ]);
  });

  it('(213) 373-4253 with default region US is stored as +12133734253', async () => {
    const db = fresh();
    const { leads } = await importLeads(db, `${HEAD}"(213) 373-4253",Ann,2026-01-10T09:00:00Z\n`);
    expect(leads.map((l) => [l.phoneE164, l.phoneRaw, l.region])).toEqual([['+12133734253', '(213) 373-4253', 'US']]);
  });

  it('two spellings of one number in one file are merged and counted, both acquisitions kept', async () => {
    const db = fresh();
    const { summary, leads, batch } = await importLeads(
      db,
      `${HEAD}"(213) 373-4253",Ann,2026-01-10T09:00:00Z\n+1 213-373-4253,Ann Lee,2026-01-02T09:00:00Z\n`,
    );
    expect(summary.counts).toMatchObject({ valid: 2, duplicatesInFile: 1, toCreate: 1 });
    expect(leads.map((l) => [l.phoneE164, l.acquiredAt, l.name])).toEqual([
      ['+12133734253', Date.UTC(2026, 0, 2, 9), 'Ann'],
    ]);
    expect((await db.acquisitions.toArray()).map((a) => [a.leadId, a.acquiredAt, a.importBatchId, a.line])).toEqual([
      [leads[0]!.id, Date.UTC(2026, 0, 10, 9), batch.id, 2],
    ]);
  });

  it('a number already on a DNC list stays blocked', async () => {
    const db = fresh();
    await db.dncLists.add({ id: 'internal', name: 'Internal', kind: 'internal', active: true });
    await db.dncListVersions.add({
      id: 1,
      listId: 'internal',
      publishedAt: NOW - 9e8,
      importedAt: NOW - 9e8,
      fileName: '',
      sha256: '',
      rowCount: 1,
    });
    await db.dncEntries.add({ listId: 'internal', phoneE164: '+12133734253', addedVersionId: 1, addedAt: NOW - 9e8 });
    const { summary, leads } = await importLeads(db, `${HEAD}${ROW('2133734253')}`);
    expect(summary.counts.onDncList).toBe(1);
    const { world, settings } = await loadComplianceWorld(db);
    const [v] = verdictsAt(leads, world, settings, NOW);
    expect(v!.callable).toBe(false);
    expect(v!.reasons.map((r) => r.code)).toContain('dnc-listed');
    // A second import of the number (take-new) cannot clear a listed status either.
    await db.leads.update(leads[0]!.id, { dncStatus: 'listed', dncCheckedAt: NOW - 1000, dncCheckedVersions: [1] });
    const again = await importLeads(db, `${HEAD}${ROW('2133734253', 'Someone else', '2025-01-01T00:00:00Z')}`, {
      conflictRule: 'take-new',
    });
    expect(again.leads.map((l) => [l.name, l.dncStatus, l.dncCheckedVersions])).toEqual([
      ['Someone else', 'listed', [1]],
    ]);
  });

  it('03/04/2024 with no declared format: the check asks, nothing is guessed or written', async () => {
    const db = fresh();
    const file = `${HEAD}${ROW('2133734253', 'Ann', '03/04/2024')}${ROW('2133734254', 'Bob', '25/04/2024')}`;
    const { summary, session } = await check(db, file);
    expect(summary.asks).toEqual([{ problem: 'format-required', count: 2, firstLine: 2, example: '03/04/2024' }]);
    expect(await session.commit()).toEqual({ ok: false, error: 'nothing-to-commit' });
    await nothingWritten(db);
    const { leads } = await importLeads(db, file, { time: { format: 'dmy', timeZone: 'UTC' } });
    expect(leads.map((l) => l.acquiredAt)).toEqual([Date.UTC(2024, 3, 3), Date.UTC(2024, 3, 25)]);
  });

  it('2024-02-30 is rejected', async () => {
    const db = fresh();
    const { summary } = await check(db, `${HEAD}${ROW('2133734253', 'Ann', '2024-02-30')}`);
    expect(reasons(summary)).toEqual(['2:acquired at:acquired-invalid-date']);
  });

  it('Excel serial 45123 is read only when declared', async () => {
    const db = fresh();
    const file = `${HEAD}${ROW('2133734253', 'Ann', '45123')}`;
    expect((await check(db, file)).summary.asks.map((a) => a.problem)).toEqual(['format-required']);
    const { leads } = await importLeads(db, file, { time: { format: 'excel', timeZone: 'UTC' } });
    expect(leads.map((l) => [l.acquiredAt, l.acquiredAtPrecision])).toEqual([[Date.UTC(2023, 6, 16), 'day']]);
  });

  it('an acquisition date in the future or before 1990 is rejected', async () => {
    const db = fresh();
    const { summary } = await check(
      db,
      `${HEAD}${ROW('2133734253', 'Ann', '2026-03-15T00:00:00Z')}${ROW('2133734254', 'Bob', '1989-12-31T00:00:00Z')}`,
    );
    expect(reasons(summary)).toEqual(['2:acquired at:acquired-future', '3:acquired at:acquired-before-1990']);
  });

  it('a timestamp without offset uses the declared zone and is stored in UTC', async () => {
    const db = fresh();
    const file = `${HEAD}${ROW('2133734253', 'Ann', '2026-01-10 09:30')}`;
    expect(
      (await check(db, file, { time: { format: null, timeZone: null } })).summary.asks.map((a) => a.problem),
    ).toEqual(['zone-required']);
    const { leads } = await importLeads(db, file, { time: { format: null, timeZone: 'Asia/Shanghai' } });
    expect(leads[0]!.acquiredAt).toBe(Date.UTC(2026, 0, 10, 1, 30));
  });

  it('=HYPERLINK(...) in a name is stored as the text it is', async () => {
    const db = fresh();
    const { leads } = await importLeads(
      db,
      `${HEAD}2133734253,"=HYPERLINK(""http://evil.example"",""click"")",2026-01-10T09:00:00Z\n`,
    );
    expect(leads[0]!.name).toBe('=HYPERLINK("http://evil.example","click")');
  });

  it('<img src=x onerror=...> in a name is stored as text (the screens render text, never markup)', async () => {
    const db = fresh();
    const { leads } = await importLeads(db, `${HEAD}${ROW('2133734253', '<img src=x onerror=alert(1)>')}`);
    expect(leads[0]!.name).toBe('<img src=x onerror=alert(1)>');
  });

  it('a 5 MB field rejects its row with a clear reason; the other rows are imported', async () => {
    const db = fresh();
    const { summary, leads } = await importLeads(
      db,
      `${HEAD}${ROW('2133734253', 'x'.repeat(5 * 1024 * 1024))}${ROW('2133734254')}`,
    );
    expect(reasons(summary)).toEqual(['2:name:field-too-long']);
    expect(summary.rejections[0]!.value.length).toBeLessThanOrEqual(201);
    expect(leads).toHaveLength(1);
  });

  it('a file over the size limit is refused before a byte of it is read', async () => {
    const session = new ImportSession(fresh(), () => NOW);
    let read = false;
    const huge = {
      name: 'huge.csv',
      size: 300 * 1024 * 1024,
      arrayBuffer: async () => ((read = true), new ArrayBuffer(0)),
    };
    expect(await session.open(huge)).toEqual({
      ok: false,
      error: 'file-too-large',
      problem: { code: 'file-too-large', size: 300 * 1024 * 1024, limit: 256 * 1000 * 1000 },
    });
    expect(read).toBe(false);
  });
});
