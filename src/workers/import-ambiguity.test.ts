/**
 * Input that is valid-looking but cannot be read one way only: a JSON record nested absurdly
 * deep, a local time the clock skipped or showed twice, two columns with one name. Each is
 * refused or shown with its reason and line; the rows beside it are not held back.
 */
import { describe, expect, it } from 'vitest';
import en from '../i18n/en/import.json';
import { check, importLeads, freshDatabases } from './import-test-kit';

const fresh = freshDatabases();

const reasons = (s: { rejections: { line: number; column: string; reason: string }[] }) =>
  s.rejections.map((r) => `${r.line}:${r.column}:${r.reason}`);
const record = (phone: string) => JSON.stringify({ phone, acquiredAt: '2026-01-10T09:00:00Z' });
const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const deepObject = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

describe('JSON nested 10,000 deep', () => {
  it('NDJSON: only the deep line is rejected, with its line; the valid lines beside it are imported', async () => {
    const db = fresh();
    const payload = [record('2133734253'), deepObject(10_000), record('2133734254'), deep(10_000)].join('\n');
    const { summary, session } = await check(db, payload, {}, 'api', 'leads.ndjson');
    expect(reasons(summary)).toEqual(['2::json-too-deep', '4::json-too-deep']);
    expect(summary.counts).toMatchObject({ rowsRead: 4, valid: 2, rejected: 2 });
    expect((await session.commit()).ok).toBe(true);
    expect((await db.leads.toArray()).map((l) => l.phoneE164).sort()).toEqual(['+12133734253', '+12133734254']);
  });

  it('a JSON array: the deep record is rejected by its position, the others are read', async () => {
    const db = fresh();
    const { summary, inspection } = await check(
      db,
      `[${record('2133734253')}, ${deepObject(10_000)}, ${record('2133734254')}]`,
      {},
      'api',
      'leads.json',
    );
    expect(inspection.payload).toEqual({ format: 'json-array', records: 2 });
    expect(reasons(summary)).toEqual(['2::json-too-deep']);
    expect(summary.counts.valid).toBe(2);
  });

  it('a whole payload nested 10,000 deep is one rejected record, not a crash', async () => {
    const { summary } = await check(fresh(), deep(10_000), {}, 'api', 'leads.json');
    expect(reasons(summary)).toEqual(['1::json-too-deep']);
  });

  it('64 levels are read (and judged by the schema); 65 are too deep', async () => {
    const { summary } = await check(fresh(), [deepObject(64), deepObject(65)].join('\n'), {}, 'api', 'leads.ndjson');
    expect(reasons(summary).sort()).toEqual([
      '1:acquiredAt:record-field-missing',
      '1:phone:record-field-missing',
      '2::json-too-deep',
    ]);
  });
});

describe('local times the clock skipped or showed twice', () => {
  const NY = { time: { format: null, timeZone: 'America/New_York' } };

  it('a lead file: a DST-gap time is rejected, an overlap is rejected under the declared rule, 2026-02-29 stays rejected, with the reason in the report', async () => {
    const db = fresh();
    const file = [
      'phone,name,acquired at',
      '2133734253,Gap,2026-03-08 02:30',
      '2133734254,Overlap,2025-11-02 01:30',
      '2133734255,Offset given,2025-11-02T01:30:00-05:00',
      '2133734256,Leap,2026-02-29 10:00',
      '2133734257,Day only,2026-03-08',
    ].join('\n');
    const { summary, session, leads } = await importLeads(db, file, NY);
    expect(reasons(summary)).toEqual([
      '2:acquired at:acquired-dst-gap',
      '3:acquired at:acquired-dst-overlap',
      '5:acquired at:acquired-invalid-date',
    ]);
    expect(leads.map((l) => [l.name, l.acquiredAt])).toEqual([
      ['Offset given', Date.UTC(2025, 10, 2, 6, 30)],
      ['Day only', Date.UTC(2026, 2, 8, 5)],
    ]);
    const labels = en.import.rejections;
    const report = session.rejectedReport({
      line: labels.line,
      column: labels.column,
      reason: labels.reason,
      code: labels.code,
      value: labels.value,
      reasons: en.import.reason,
    });
    expect(report).toContain(
      '2,acquired at,This local time does not exist: the clock skipped it (daylight-saving change). Check it or give an offset,acquired-dst-gap,2026-03-08 02:30',
    );
    expect(report).toContain(
      '3,acquired at,Ambiguous local time (DST overlap): the clock showed it twice; give an offset,acquired-dst-overlap,2025-11-02 01:30',
    );
  });

  it('a call log: a call time in the gap is rejected with the reason', async () => {
    const db = fresh();
    await importLeads(db, 'phone,acquired at\n2133734253,2026-01-10T09:00:00Z\n');
    const { summary } = await check(
      db,
      'phone,called at,outcome\n2133734253,2026-03-08 02:30,answered\n2133734253,2026-03-08 03:30,answered\n',
      NY,
      'calls',
      'calls.csv',
    );
    expect(reasons(summary)).toEqual(['2:called at:call-at-dst-gap']);
    expect(summary.counts.toCreate).toBe(1);
  });
});

describe('two columns with one header name', () => {
  it('are both shown by position and named as duplicates, and either can be mapped', async () => {
    const db = fresh();
    const file = 'phone,name,phone,acquired at\n2133734253,Ann,2133734254,2026-01-10T09:00:00Z\n';
    const first = await check(db, file);
    expect(first.inspection.headers).toEqual(['phone (column 1)', 'name', 'phone (column 3)', 'acquired at']);
    expect(first.inspection.duplicateHeaders).toEqual([{ name: 'phone', columns: [1, 3] }]);
    expect(first.inspection.suggested).toEqual({ phone: 0, name: 1, acquiredAt: 3 });
    const { leads, batch } = await importLeads(db, file, { mapping: { phone: 2, name: 1, acquiredAt: 3 } });
    expect(leads.map((l) => l.phoneE164)).toEqual(['+12133734254']);
    expect(batch.mapping).toEqual({ phone: 'phone (column 3)', name: 'name', acquiredAt: 'acquired at' });
  });

  it('a rejection names which of the two columns it was', async () => {
    const { summary } = await check(fresh(), 'phone,phone,acquired at\n2133734253,12,2026-01-10T09:00:00Z\n', {
      mapping: { phone: 1, acquiredAt: 2 },
    });
    expect(reasons(summary)).toEqual(['2:phone (column 2):phone-too-short']);
  });
});
