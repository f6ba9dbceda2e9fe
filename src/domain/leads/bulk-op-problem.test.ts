import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bulkOpSchema, type BulkOp } from './bulk-edit';
import { bulkOpProblem } from './bulk-op-problem';

describe('bulkOpProblem', () => {
  it.each<[string, BulkOp, ReturnType<typeof bulkOpProblem>]>([
    ['a valid tag operation', { kind: 'add-tags', tags: ['vip', ' spaced '] }, null],
    ['a tag of 41 characters', { kind: 'add-tags', tags: ['ok', 'x'.repeat(41)] }, 'tag-too-long'],
    ['a tag of 40 characters after trimming', { kind: 'add-tags', tags: [` ${'x'.repeat(40)} `] }, null],
    ['a tag that is only spaces', { kind: 'add-tags', tags: ['  '] }, 'tag-empty'],
    [
      'a long tag inside a multi-field edit',
      { kind: 'edit-fields', edits: [{ kind: 'mark-verified' }, { kind: 'add-tags', tags: ['y'.repeat(41)] }] },
      'tag-too-long',
    ],
    [
      'consent valid for 0 months',
      { kind: 'renew-consent', proofRef: 'rec-1', validityMonths: 0 },
      'months-out-of-range',
    ],
    [
      'consent valid for 121 months',
      { kind: 'renew-consent', proofRef: 'rec-1', validityMonths: 121 },
      'months-out-of-range',
    ],
    [
      'consent valid for 1.5 months',
      { kind: 'renew-consent', proofRef: 'rec-1', validityMonths: 1.5 },
      'months-out-of-range',
    ],
    ['consent with a blank proof', { kind: 'renew-consent', proofRef: '   ', validityMonths: 12 }, 'proof-required'],
    [
      'a renewal request with a note of 501 characters',
      { kind: 'request-consent-renewal', channel: 'email', note: 'n'.repeat(501) },
      'note-too-long',
    ],
    [
      'a multi-field edit of six parts',
      { kind: 'edit-fields', edits: Array.from({ length: 6 }, () => ({ kind: 'mark-verified' as const })) },
      'invalid',
    ],
    ['delete', { kind: 'delete' }, null],
  ])('%s', (_label, op, expected) => {
    expect(bulkOpProblem(op)).toBe(expected);
  });

  it('names a problem exactly when the repository’s schema refuses the operation (fast-check)', () => {
    const tag = fc.string({ maxLength: 45 });
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add-tags' as const), tags: fc.array(tag, { maxLength: 3 }) }),
      fc.record({
        kind: fc.constant('renew-consent' as const),
        proofRef: fc.string({ maxLength: 3 }),
        validityMonths: fc.oneof(fc.integer({ min: -5, max: 130 }), fc.double({ noNaN: true })),
      }),
      fc.record({
        kind: fc.constant('request-consent-renewal' as const),
        channel: fc.constant('sms' as const),
        note: fc.string({ maxLength: 510 }),
      }),
    );
    fc.assert(fc.property(op, (o) => (bulkOpProblem(o as BulkOp) === null) === bulkOpSchema.safeParse(o).success));
  });
});
