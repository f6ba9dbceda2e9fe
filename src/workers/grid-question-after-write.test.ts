/**
 * A question asked right after a write, before the engine's pause for a burst of writes is over,
 * is answered with that write: the engine follows the change log first (grid-engine.ts, flushChanges).
 */
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, dbWith, demoSlice } from '../db/repos/compliance-test-fixture';
import { updateLead } from '../db/repos/leads-repo';
import { createGridEngine } from './grid-engine';

afterAll(closeAll);

describe('a question right after a write', () => {
  it('sees the write, with no rebuild', { timeout: 60_000 }, async () => {
    const db = await dbWith(demoSlice(40));
    const engine = createGridEngine(db);
    const all = await engine.query({}, undefined);
    expect(all.count).toBeGreaterThan(0);
    const [id] = await engine.ids({}, undefined, 0, 1);
    const before = await engine.stats();

    for (const name of ['Asked At Once', 'Asked Again At Once']) {
      await updateLead(db, id!, { name });
      // No pause: the engine's timer for this write has not fired yet.
      expect((await engine.query({ q: name.toLowerCase() }, undefined)).count).toBe(1);
    }
    expect(await engine.stats()).toMatchObject({
      fullBuilds: before.fullBuilds,
      rowsRead: before.rowsRead,
      catchUps: before.catchUps + 2,
    });
  });
});
