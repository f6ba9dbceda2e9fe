/**
 * The engine's bulk-edit Preview, as the dialog asks it: the same counts as the Preview from the
 * table, without reading the data version while no write was signalled since the columns read it;
 * after a write it answers only once it has caught up (null before: the worker previews then),
 * and the answer then counts the write.
 */
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { closeAll, dbWith, demoSlice } from '../db/repos/compliance-test-fixture';
import { previewBulkEdit } from '../db/repos/bulk-edit-repo';
import { updateLead } from '../db/repos/leads-repo';
import { DATA_VERSION_KEY } from '../db/data-version';
import type { BulkOp } from '../domain/leads/bulk-edit';
import { createGridEngine } from './grid-engine';

afterAll(closeAll);

const NOW = Date.UTC(2026, 11, 4, 12);

describe("the engine's bulk-edit Preview", () => {
  it(
    'counts as the table does, reads no version while none was signalled, and answers after a write only once caught up',
    { timeout: 60_000 },
    async () => {
      const db = await dbWith(demoSlice(60));
      const engine = createGridEngine(db);
      const ids = Array.from(await engine.allIds({}, undefined)).slice(0, 40);
      const op: BulkOp = {
        kind: 'edit-fields',
        edits: [
          { kind: 'add-tags', tags: ['fresh'] },
          { kind: 'set-text', field: 'company', value: 'Acme' },
        ],
      };
      const versionReads = vi.spyOn(db.changes, 'get');
      const counted = await engine.previewBulkEdit(Int32Array.from(ids), op, NOW);
      expect(versionReads.mock.calls.filter(([key]) => (key as unknown) === DATA_VERSION_KEY)).toHaveLength(0);
      versionReads.mockRestore();
      expect(counted).toEqual(await previewBulkEdit(db, ids, op, NOW));
      expect(counted!.changed).toBe(40);

      // A write to one selected lead: until the engine has caught up it gives no count; then the write's.
      let told: () => void = () => undefined;
      const caughtUp = new Promise<void>((resolve) => (told = resolve));
      engine.onChange(() => told());
      await updateLead(db, ids[0]!, { tags: ['fresh'], company: 'Acme' });
      expect(await engine.previewBulkEdit(Int32Array.from(ids), op, NOW)).toBeNull();
      await caughtUp;
      const after = await engine.previewBulkEdit(Int32Array.from(ids), op, NOW);
      expect(after).toEqual(await previewBulkEdit(db, ids, op, NOW));
      expect(after).toMatchObject({ selected: 40, changed: 39, unchanged: 1 });
    },
  );
});
