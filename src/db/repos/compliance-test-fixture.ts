/** A consistent slice of the demo world, written straight into a fresh database, for the compliance repositories' tests. */
import { buildDemoDataset, type DemoDataset } from '../demo-data';
import { LeadsDb } from '../leads-db';

export const NOW = Date.UTC(2026, 10, 29, 17, 0);
let cached: DemoDataset | null = null;

/** Every `step`-th demo lead with its calls, consents and DNC entries (all lists and versions). */
export function demoSlice(step = 25): DemoDataset {
  cached ??= buildDemoDataset(NOW);
  const d = structuredClone(cached);
  const leads = d.leads.filter((_, i) => i % step === 0);
  const ids = new Set(leads.map((l) => l.id));
  const phones = new Set(leads.map((l) => l.phoneE164));
  return {
    ...d,
    leads,
    calls: d.calls.filter((c) => ids.has(c.leadId)),
    consents: d.consents.filter((c) => ids.has(c.leadId)),
    dncEntries: d.dncEntries.filter((e) => phones.has(e.phoneE164)),
  };
}

const open: LeadsDb[] = [];

/** A fresh database holding `data`. */
export async function dbWith(data: DemoDataset): Promise<LeadsDb> {
  const db = new LeadsDb(`t-${crypto.randomUUID()}`);
  open.push(db);
  await db.transaction('rw', db.tables, async () => {
    await db.sources.bulkAdd(data.sources);
    await db.campaigns.bulkAdd(data.campaigns);
    await db.leads.bulkAdd(data.leads);
    await db.calls.bulkAdd(data.calls);
    await db.consents.bulkAdd(data.consents);
    await db.dncLists.bulkAdd(data.dncLists);
    await db.dncListVersions.bulkAdd(data.dncListVersions);
    await db.dncEntries.bulkAdd(data.dncEntries);
    await db.dncScrubs.add(data.scrub);
  });
  return db;
}

/** Delete every database a test opened. */
export async function closeAll(): Promise<void> {
  for (const db of open.splice(0)) await db.delete();
}
