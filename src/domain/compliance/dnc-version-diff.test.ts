import { describe, expect, it } from 'vitest';
import type { DncEntry } from './dnc-list';
import { diffVersion } from './dnc-version-diff';

describe('diffVersion: a new version is a complete copy of its list', () => {
  const existing: DncEntry[] = [
    { listId: 'national', phoneE164: '+1', addedVersionId: 1 },
    { listId: 'national', phoneE164: '+2', addedVersionId: 1 },
    { listId: 'national', phoneE164: '+3', addedVersionId: 1, removedVersionId: 2 },
    { listId: 'internal', phoneE164: '+9', addedVersionId: 4, addedAt: 5 },
    { listId: 'other', phoneE164: '+4', addedVersionId: 7 },
  ];

  it('adds the new numbers, removes the missing ones, re-lists a removed one and leaves the rest', () => {
    const d = diffVersion('national', existing, ['+1', '+3', '+5'], 3);
    expect(d.puts).toEqual([
      { listId: 'national', phoneE164: '+2', addedVersionId: 1, removedVersionId: 3 },
      { listId: 'national', phoneE164: '+3', addedVersionId: 1 },
      { listId: 'national', phoneE164: '+5', addedVersionId: 3 },
    ]);
    expect(d).toMatchObject({ added: 2, removed: 1, unchanged: 1 });
  });

  it('never removes a single addition to the internal list', () => {
    const d = diffVersion('internal', existing, ['+8'], 5);
    expect(d.puts).toEqual([{ listId: 'internal', phoneE164: '+8', addedVersionId: 5 }]);
  });
});
