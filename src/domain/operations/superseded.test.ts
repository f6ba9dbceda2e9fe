import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPERATION_KINDS, type OperationRow, type OperationSummary } from './operation';
import { notMadeGood, sameOperation } from './superseded';

let nextId = 1;
const row = (
  kind: OperationRow['kind'],
  summary: OperationSummary,
  state: OperationRow['state'] = 'started',
  id = nextId++,
): OperationRow => ({ id, kind, state, startedAt: 1_700_000_000_000 + id, summary });

describe('notMadeGood', () => {
  it('drops an interrupted import once the same file was imported afterwards', () => {
    const cut = row('import', { fileName: 'expo.csv', importKind: 'leads', count: 9_000 });
    const redone = row('import', { fileName: 'expo.csv', importKind: 'leads', count: 9_000 }, 'done');
    expect(notMadeGood([cut], [cut, redone])).toEqual([]);
  });

  it('keeps it when only another file, another kind of import, a failed or an earlier run succeeded', () => {
    const earlier = row('import', { fileName: 'expo.csv', importKind: 'leads' }, 'done');
    const cut = row('import', { fileName: 'expo.csv', importKind: 'leads' });
    const others = [
      row('import', { fileName: 'other.csv', importKind: 'leads' }, 'done'),
      row('import', { fileName: 'expo.csv', importKind: 'calls' }, 'done'),
      row('import', { fileName: 'expo.csv', importKind: 'leads' }, 'failed'),
      row('bulk-edit', { opKind: 'add-tags' }, 'done'),
    ];
    expect(notMadeGood([cut], [earlier, cut, ...others])).toEqual([cut]);
  });

  it('a bulk edit is the same when its kind and filter are, whatever the order of the filter keys', () => {
    const cut = row('bulk-edit', { opKind: 'add-tags', filter: { source: ['web-forms'], cohort: '2026-03' } });
    expect(
      sameOperation(
        cut,
        row('bulk-edit', { opKind: 'add-tags', filter: { cohort: '2026-03', source: ['web-forms'] } }, 'done'),
      ),
    ).toBe(true);
    expect(
      sameOperation(
        cut,
        row('bulk-edit', { opKind: 'remove-tags', filter: { cohort: '2026-03', source: ['web-forms'] } }, 'done'),
      ),
    ).toBe(false);
    expect(
      sameOperation(
        cut,
        row('bulk-edit', { opKind: 'add-tags', filter: { cohort: '2026-04', source: ['web-forms'] } }, 'done'),
      ),
    ).toBe(false);
  });

  it('an undo is made good by the undo of the same entry; any later scrub or restore makes good the one cut short', () => {
    expect(sameOperation(row('undo', { auditSeq: 12 }), row('undo', { auditSeq: 12 }, 'done'))).toBe(true);
    expect(sameOperation(row('undo', { auditSeq: 12 }), row('undo', { auditSeq: 13 }, 'done'))).toBe(false);
    expect(sameOperation(row('dnc-scrub', {}), row('dnc-scrub', {}, 'done'))).toBe(true);
    expect(sameOperation(row('restore', { count: 5 }), row('restore', { count: 9 }, 'done'))).toBe(true);
    expect(sameOperation(row('purge', { mode: 'anonymize' }), row('purge', { mode: 'delete' }, 'done'))).toBe(false);
  });

  it('never drops an operation without a later successful run of the same one (property)', () => {
    const kind = fc.constantFrom(...OPERATION_KINDS);
    const state = fc.constantFrom('started', 'done', 'failed', 'acknowledged') as fc.Arbitrary<OperationRow['state']>;
    const summary = fc.record({
      fileName: fc.constantFrom('a.csv', 'b.csv'),
      opKind: fc.constantFrom('add-tags', 'delete'),
      auditSeq: fc.integer({ min: 1, max: 3 }),
      mode: fc.constantFrom('anonymize', 'delete') as fc.Arbitrary<'anonymize' | 'delete'>,
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(kind, summary, state), { maxLength: 12 }), (specs) => {
        const rows = specs.map(([k, s, st], i) => row(k, s, st, i + 1));
        const interrupted = rows.filter((r) => r.state === 'started');
        const kept = notMadeGood(interrupted, rows);
        for (const op of interrupted) {
          const madeGood = rows.some((r) => r.id > op.id && r.state === 'done' && sameOperation(op, r));
          expect(kept.includes(op)).toBe(!madeGood);
        }
      }),
    );
  });
});
