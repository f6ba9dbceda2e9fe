import { describe, expect, it } from 'vitest';
import type { Lead } from '../../domain/leads/lead';
import { deleteFreshDatabases, freshDb } from '../test-databases';
import { getLeadsByIds } from './lead-history-repo';

deleteFreshDatabases();

const lead = (id: number): Lead =>
  ({
    id,
    phoneE164: `+1213${String(id).padStart(7, '0')}`,
    phoneRaw: '',
    region: 'US',
    timeZone: 'America/Los_Angeles',
    name: `Lead ${id}`,
    company: '',
    email: '',
    tags: [],
    sourceId: 'web',
    acquiredAt: 1,
    acquiredAtPrecision: 'exact',
    createdAt: 1,
    updatedAt: 1,
    entryMethod: 'manual',
    attempts: 0,
    dncStatus: 'unknown',
    dncCheckedVersions: [],
  }) as unknown as Lead;

/** Leads 1…n with every id divisible by 7 missing (deleted leads leave gaps). */
async function seeded(n: number) {
  const db = freshDb();
  await db.leads.bulkAdd(Array.from({ length: n }, (_, i) => lead(i + 1)).filter((l) => l.id % 7 !== 0));
  return db;
}

describe('getLeadsByIds', () => {
  it('a few ids: the leads in the order asked, missing ids dropped', async () => {
    const db = await seeded(100);
    expect((await getLeadsByIds(db, [50, 3, 7, 99, 1000, 3])).map((l) => l.id)).toEqual([50, 3, 99, 3]);
  });

  it('many ids (read as ranges of keys): the same leads in the same order as one get per id', async () => {
    const db = await seeded(7_500);
    // Every third id, shuffled by a fixed stride, plus ids that do not exist.
    const ids = Array.from({ length: 2_500 }, (_, i) => ((i * 7919) % 2_500) * 3 + 1).concat([49, 60_000]);
    const scanned = await getLeadsByIds(db, ids, 1_000);
    const oneByOne: Lead[] = [];
    for (const id of ids) {
      const l = await db.leads.get(id);
      if (l) oneByOne.push(l);
    }
    expect(scanned.length).toBe(oneByOne.length);
    expect(scanned.map((l) => l.id)).toEqual(oneByOne.map((l) => l.id));
    expect(scanned).toEqual(oneByOne);
  });

  it('many ids in a narrow range read only that range, chunk after chunk', async () => {
    const db = await seeded(9_000);
    const ids = Array.from({ length: 3_000 }, (_, i) => 5_001 + i);
    const got = await getLeadsByIds(db, ids, 700);
    expect(got.map((l) => l.id)).toEqual(ids.filter((id) => id % 7 !== 0));
  });
});
