import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MS_PER_DAY } from '../time/calendar';
import type { DncEntry } from './dnc-list';
import { dncListedAt } from './dnc';
import { scrubBasis } from './dnc-scrub';
import type { DncListState } from './verdict-types';

const T = Date.UTC(2026, 2, 10, 15);
const lists: DncListState[] = [
  {
    listId: 'national',
    kind: 'national',
    active: true,
    versions: [
      { id: 1, publishedAt: T - 40 * MS_PER_DAY, importedAt: T - 39 * MS_PER_DAY },
      { id: 2, publishedAt: T - 5 * MS_PER_DAY, importedAt: T - 4 * MS_PER_DAY },
    ],
  },
  {
    listId: 'state',
    kind: 'state',
    active: false,
    versions: [{ id: 3, publishedAt: T - 9 * MS_PER_DAY, importedAt: T - 9 * MS_PER_DAY }],
  },
  {
    listId: 'internal',
    kind: 'internal',
    active: true,
    versions: [{ id: 4, publishedAt: T - 400 * MS_PER_DAY, importedAt: T - 400 * MS_PER_DAY }],
  },
];

describe('scrubBasis', () => {
  it('lists what the versions in force list, minus removals, plus single internal additions made by then', () => {
    const entries: DncEntry[] = [
      { listId: 'national', phoneE164: '+1', addedVersionId: 1 },
      { listId: 'national', phoneE164: '+2', addedVersionId: 1, removedVersionId: 2 },
      { listId: 'national', phoneE164: '+3', addedVersionId: 2 },
      { listId: 'state', phoneE164: '+4', addedVersionId: 3 },
      { listId: 'internal', phoneE164: '+5', addedVersionId: 4, addedAt: T - MS_PER_DAY },
      { listId: 'internal', phoneE164: '+6', addedVersionId: 4, addedAt: T + MS_PER_DAY },
    ];
    const basis = scrubBasis(lists, entries, T);
    expect([...basis.listed].sort()).toEqual(['+1', '+3', '+5']);
    expect(basis.versionIds).toEqual([2, 4]);
    expect(basis.lists).toEqual([
      { listId: 'national', versionId: 2, listed: 2 },
      { listId: 'internal', versionId: 4, listed: 1 },
    ]);
    // Before version 2 was imported, version 1 was in force; the internal addition was not made yet.
    expect([...scrubBasis(lists, entries, T - 4.5 * MS_PER_DAY).listed].sort()).toEqual(['+1', '+2']);
  });

  it("agrees with the verdict's dncListedAt for every number, list and instant", () => {
    const entry = fc.record({
      listId: fc.constantFrom('national', 'state', 'internal'),
      phoneE164: fc.constantFrom('+1', '+2', '+3'),
      addedVersionId: fc.constantFrom(0, 1, 2, 3, 4),
      removedVersionId: fc.option(fc.constantFrom(1, 2, 3, 4), { nil: undefined }),
      addedAt: fc.option(fc.integer({ min: T - 50 * MS_PER_DAY, max: T + 5 * MS_PER_DAY }), { nil: undefined }),
    });
    const rows = fc.uniqueArray(entry, { selector: (e) => `${e.listId}|${e.phoneE164}`, maxLength: 9 });
    const at = fc.integer({ min: T - 60 * MS_PER_DAY, max: T + 5 * MS_PER_DAY });
    fc.assert(
      fc.property(rows, at, (raw, t) => {
        const entries = raw.map(
          (e) => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)) as DncEntry,
        );
        const basis = scrubBasis(lists, entries, t);
        for (const phone of ['+1', '+2', '+3']) {
          const hits = entries.filter((e) => e.phoneE164 === phone);
          expect(basis.listed.has(phone)).toBe(dncListedAt(hits, lists, t).listed);
        }
      }),
      { numRuns: 300 },
    );
  });
});
