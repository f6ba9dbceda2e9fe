import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohortsSearchSchema } from '../features/cohorts/cohorts-search';
import { exportSearchSchema } from '../features/export/export-search';
import { hasUnreadableFilter } from '../domain/leads/unreadable-params';
import { readExportSearch } from '../features/export/export-search';
import { readLeadsSearch } from '../features/leads/leads-search';
import { parseSearch, readParam, stringifySearch } from './search-params';

describe('search params keep strings as strings', () => {
  it('a search link with digits only is the text the user typed', () => {
    expect(parseSearch('?q=2137337987')).toEqual({ q: '2137337987' });
    expect(readLeadsSearch(parseSearch('?q=2137337987'))).toEqual({ q: '2137337987' });
  });

  it('scalars stay text; lists, objects and quoted strings are JSON', () => {
    expect(parseSearch('?a=true&b=null&c=1e3&d=hello')).toEqual({ a: 'true', b: 'null', c: '1e3', d: 'hello' });
    expect(
      parseSearch(`?source=${encodeURIComponent('["web-forms"]')}&q=${encodeURIComponent('"2137337987"')}`),
    ).toEqual({ source: ['web-forms'], q: '2137337987' });
    expect(readParam('{"x":1}')).toEqual({ x: 1 });
  });

  it('a list param given once plainly, or repeated, is a list', () => {
    expect(readLeadsSearch(parseSearch('?source=web-forms'))).toEqual({ source: ['web-forms'] });
    expect(readLeadsSearch(parseSearch('?tags=vip&tags=2024'))).toEqual({ tags: ['vip', '2024'] });
  });

  it('numbers and booleans the schemas expect still work', () => {
    expect(readLeadsSearch(parseSearch('?lead=5&create=true&batch=3&notVerifiedMonths=12'))).toEqual({
      lead: 5,
      create: true,
      batch: 3,
      notVerifiedMonths: 12,
    });
    expect(exportSearchSchema.parse(parseSearch('?bom=false&at=1767225600000&q=0044'))).toMatchObject({
      bom: false,
      at: 1767225600000,
      q: '0044',
    });
    expect(cohortsSearchSchema.parse(parseSearch('?n=30&series=2024&from=2026-03'))).toMatchObject({
      n: 30,
      series: '2024',
      from: '2026-03',
    });
  });

  it('what the app writes, it reads back (plain text stays plain in the address bar)', () => {
    expect(stringifySearch({ q: '2137337987', cohort: '2026-03', lead: 5, create: true })).toBe(
      '?q=2137337987&cohort=2026-03&lead=5&create=true',
    );
    const value = fc.oneof(
      fc.string(),
      fc.constantFrom('123', 'true', 'null', '"x"', '[1]', '{}', ' 7 '),
      fc.array(fc.string(), { maxLength: 3 }),
    );
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1 }).filter((k) => k !== '__proto__'),
          value,
          { maxKeys: 4 },
        ),
        (search) => {
          expect(parseSearch(stringifySearch(search))).toEqual(search);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a filter that cannot be read is kept and reported, never dropped', () => {
  it('moves the unreadable params, with their text, to `unreadable`', () => {
    const search = readLeadsSearch(
      parseSearch(`?cohort=2026-13x&consent=${encodeURIComponent('["expired","bogus"]')}&q=ada`),
    );
    expect(search).toEqual({ q: 'ada', unreadable: { cohort: '2026-13x', consent: '["expired","bogus"]' } });
    expect(hasUnreadableFilter(search.unreadable)).toBe(true);
  });

  it('survives the round trip through the URL, and a bad sort alone does not hide the grid', () => {
    const once = readLeadsSearch(parseSearch('?sort=' + 'x'.repeat(50)));
    expect(once.unreadable).toEqual({ sort: 'x'.repeat(50) });
    expect(hasUnreadableFilter(once.unreadable)).toBe(false);
    expect(readLeadsSearch(parseSearch(stringifySearch(once)))).toEqual(once);
  });

  it('an export link keeps its unreadable filter too (it would export more leads than meant)', () => {
    const search = readExportSearch(
      parseSearch(`?source=web-forms&consent=${encodeURIComponent('["gone"]')}&bom=maybe&format=csv`),
    );
    expect(search).toEqual({ source: ['web-forms'], format: 'csv', unreadable: { consent: '["gone"]', bom: 'maybe' } });
    expect(hasUnreadableFilter(search.unreadable)).toBe(true);
  });
});
