/**
 * The joined string columns (search text, numbers, names, companies) as rows are written again,
 * appended and deleted: every row reads back what its lead holds, whatever changed before it.
 */
import { startAt, startsOf, startsToArray } from '../../columns/start-column';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lead } from '../lead';
import type { LeadDerived } from '../lead-filter';
import { JOINED_COLUMNS, buildLeadColumns, companyAt, emailAt, nameAt, namesOf } from './lead-columns';
import { patchLeadColumns, type RowChange } from './lead-columns-patch';
import { forgetPieces, piecesOf } from './lead-columns-joined';
import { fromChunks, toChunks } from './lead-columns-chunks';
import { serialize } from 'node:v8';
import { unpackText } from '../../columns/one-byte-text';

const DERIVED: LeadDerived = { consent: 'valid', dnc: 'clear', reasons: [], callable: true };
const T = Date.UTC(2026, 2, 1);

function lead(id: number, name: string, company: string): Lead {
  return {
    ...{ id, phoneE164: `+1202555${String(id).padStart(4, '0')}`, phoneRaw: '', region: 'US', timeZone: 'UTC' },
    ...{ name, company, email: `${name}@x.test`.toLowerCase(), tags: [], sourceId: 'web', acquiredAt: T },
    ...{ acquiredAtPrecision: 'exact', createdAt: T, updatedAt: T, entryMethod: 'manual', attempts: 0 },
    ...{ dncStatus: 'unchecked', dncCheckedVersions: [] },
  } as Lead;
}

const textOf = (cols: ReturnType<typeof buildLeadColumns>, i: number) =>
  unpackText(cols.text.slice(startAt(cols.textStart, i), startAt(cols.textStart, i + 1)));
/** Every character up to U+00FF: V8 keeps the string one byte a character (decision 045). */
const oneByte = (s: string) => [...s].every((c) => c.charCodeAt(0) <= 0xff);

describe('the joined string columns', () => {
  it('read back every row after random rewrites, appends and deletions (and through the snapshot chunks)', () => {
    // A leading BOM, a lone surrogate, an emoji, a letter whose lower case is longer.
    const word = fc.constantFrom(
      'Anna',
      'ANNA',
      'Zoë',
      '王伟',
      'Li',
      '',
      'Acme Ltd',
      '\uFEFFBom',
      'x\uD800y',
      '😀',
      'İz',
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, word), { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), word, word), { maxLength: 8 }),
        fc.array(fc.tuple(word, word), { maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        (start, rewrites, appended, gone) => {
          const leads = start.map(([n, c], i) => lead(i + 1, n, c));
          let cols = buildLeadColumns(
            leads,
            leads.map(() => DERIVED),
          );
          const want = new Map(leads.map((l, i) => [i, l]));
          const changes: RowChange[] = [];
          for (const [pick, n, c] of rewrites) {
            const row = pick % leads.length;
            const l = lead(row + 1, n, c);
            want.set(row, l);
            changes.push({ row, lead: l, derived: DERIVED });
          }
          appended.forEach(([n, c], k) => {
            const l = lead(leads.length + k + 1, n, c);
            want.set(leads.length + k, l);
            changes.push({ row: null, lead: l, derived: DERIVED });
          });
          const deleted = [...new Set(gone.map((g) => g % leads.length))];
          cols = patchLeadColumns(cols, changes, deleted);
          const { head, chunks } = toChunks(cols, 4);
          // Through a structured clone, as IndexedDB stores it.
          const reread = fromChunks(head, structuredClone(chunks) as never);
          for (const c of [cols, reread])
            for (let i = 0; i < c.n; i++) {
              const l = deleted.includes(i) ? lead(0, '', '') : want.get(i)!;
              expect([nameAt(c, i), companyAt(c, i)]).toEqual([l.name, l.company]);
              if (!deleted.includes(i))
                expect(textOf(c, i)).toBe(`${l.name}\n${l.company}\n${l.email}`.toLowerCase() + '\n');
            }
          expect(namesOf(reread)).toEqual(namesOf(cols));
          for (const c of [cols, reread]) expect([c.text, c.writtenText, c.tagsText].every(oneByte)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('read appended rows from the pieces they were joined from, the same as from the whole column (fast-check)', () => {
    let appendsRead = 0;
    const word = fc.constantFrom('Anna', 'ANNA', 'Zoë', '王伟', '', 'McDonald', 'x\uD800y');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, word), { minLength: 1, maxLength: 6 }),
        // Appends, one patch each; now and then a row written again (the column joined whole, no pieces).
        fc.array(
          fc.tuple(fc.array(fc.tuple(word, word), { minLength: 1, maxLength: 4 }), fc.option(fc.nat(), { freq: 2 })),
          {
            minLength: 1,
            maxLength: 5,
          },
        ),
        (start, patches) => {
          const all = start.map(([n, c], i) => lead(i + 1, n, c));
          let cols = buildLeadColumns(
            all,
            all.map(() => DERIVED),
          );
          for (const [rows, rewrite] of patches) {
            const changes: RowChange[] = rows.map(([n, c]) => {
              const l = lead(all.length + 1, n, c);
              all.push(l);
              return { row: null, lead: l, derived: DERIVED };
            });
            if (rewrite !== null) {
              const row = rewrite % cols.n;
              all[row] = lead(row + 1, 'Rewritten', all[row]!.company);
              changes.push({ row, lead: all[row]!, derived: DERIVED });
            }
            cols = patchLeadColumns(cols, changes, []);
            if (rewrite === null) appendsRead += piecesOf(cols.textStart) > 1 ? 1 : 0;
            const read = () => all.map((_, i) => [nameAt(cols, i), companyAt(cols, i), emailAt(cols, i)]);
            const fromPieces = read();
            expect(fromPieces).toEqual(all.map((l) => [l.name, l.company, l.email]));
            // The same rows read from the whole columns, as once the snapshot is stored.
            const whole = {
              ...cols,
              ...Object.fromEntries(
                JOINED_COLUMNS.map(([, starts]) => [starts, startsOf(startsToArray(cols[starts]))]),
              ),
            };
            expect(all.map((_, i) => [nameAt(whole, i), companyAt(whole, i), emailAt(whole, i)])).toEqual(fromPieces);
            forgetPieces(cols);
            expect(read()).toEqual(fromPieces);
          }
        },
      ),
      { numRuns: 200 },
    );
    // Anti-vacuity: appended rows were read from their pieces.
    expect(appendsRead).toBeGreaterThan(50);
  });

  it('keep no second copy of a name or company the search text writes back (written-case.ts)', () => {
    const leads = [
      lead(1, 'Anna Berg', 'Acme Ltd'),
      lead(2, '李伟', '北京科技'),
      lead(3, 'IBM', 'mcdonald'),
      lead(4, 'McDonald', "O'Brien-Smith Ltd."),
    ];
    const cols = buildLeadColumns(
      leads,
      leads.map(() => DERIVED),
    );
    // Rows 1 and 2 keep nothing; row 3 a mark each (each behind four characters of length), row 4 its name as written.
    expect(
      Array.from({ length: 4 }, (_, i) => startAt(cols.writtenStart, i + 1) - startAt(cols.writtenStart, i)),
    ).toEqual([0, 0, 4 + 1 + 4 + 1, 4 + 'McDonald'.length + 4 + 0]);
    expect(leads.map((_, i) => [nameAt(cols, i), companyAt(cols, i)])).toEqual(leads.map((l) => [l.name, l.company]));
  });

  it('are stored one byte a character, also when the leads’ text was cut from a file holding Chinese (V8 keeps such text two bytes)', () => {
    /** How V8 stores `s` (its serializer's tag: '"' one byte a character, 'c' two). */
    const storedOneByte = (s: string) => serialize(s)[2] === 0x22;
    const file = 'Anna Berg,Acme Ltd\nJohn Smith,Initech\n李伟,北京科技\n';
    const cut = (from: string) => file.slice(file.indexOf(from), file.indexOf(from) + from.length);
    expect(storedOneByte(cut('Anna Berg'))).toBe(false);
    const leads = [lead(1, cut('Anna Berg'), cut('Acme Ltd')), lead(2, cut('李伟'), cut('北京科技'))];
    let cols = buildLeadColumns(
      leads,
      leads.map(() => DERIVED),
    );
    cols = patchLeadColumns(
      cols,
      [{ row: null, lead: lead(3, cut('John Smith'), cut('Initech')), derived: DERIVED }],
      [],
    );
    const reread = fromChunks(toChunks(cols, 2).head, structuredClone(toChunks(cols, 2).chunks) as never);
    for (const c of [cols, reread]) {
      expect([c.text, c.writtenText, c.tagsText, c.phones].map(storedOneByte)).toEqual(Array(4).fill(true));
      expect([0, 1, 2].map((i) => nameAt(c, i))).toEqual(['Anna Berg', '李伟', 'John Smith']);
    }
  });
});
