import { afterEach, describe, expect, it } from 'vitest';
import { NOW, closeAll, dbWith, demoSlice } from '../db/repos/compliance-test-fixture';
import { addToInternalDnc } from '../db/repos/dnc-repo';
import { historyFor } from '../domain/compliance/compliance-world';
import { loadWorldCached } from './compliance-world-cache';

afterEach(closeAll);

describe('loadWorldCached', () => {
  it('keeps the DNC lists between reads, and reads them again once a DNC table changes', async () => {
    const data = demoSlice();
    const db = await dbWith(data);
    const lead = data.leads.find((l) => l.region === 'US' && !data.dncEntries.some((e) => e.phoneE164 === l.phoneE164))!;
    const first = await loadWorldCached(db);
    expect(historyFor(first.world, lead).dncHits).toEqual([]);
    expect(first.leads).toHaveLength(data.leads.length);
    await addToInternalDnc(db, { phone: lead.phoneE164, defaultRegion: 'US' }, NOW);
    // Dexie reports the change asynchronously.
    await new Promise((r) => setTimeout(r, 50));
    const second = await loadWorldCached(db);
    expect(historyFor(second.world, lead).dncHits).toMatchObject([{ listId: 'internal', addedAt: NOW }]);
  });
});
