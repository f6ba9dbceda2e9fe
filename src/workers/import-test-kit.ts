/** Shared set-up for the import tests (Vitest on fake-indexeddb): a fresh database and a session at a fixed clock. */
import { afterEach } from 'vitest';
import { LeadsDb } from '../db/leads-db';
import type { AnalyseRequest } from '../domain/import-export/import-request';
import type { AnalysisSummary } from '../domain/import-export/import-analysis';
import { ImportSession, type Inspection } from './import-session';

export const NOW = Date.UTC(2026, 2, 14, 12);

export function testDb(): LeadsDb {
  return new LeadsDb(`import-${crypto.randomUUID()}`);
}

/** `fresh()` gives a new database for one test; every one is deleted after the test that opened it. */
export function freshDatabases(): () => LeadsDb {
  const dbs: LeadsDb[] = [];
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.delete();
  });
  return () => {
    const db = testDb();
    dbs.push(db);
    return db;
  };
}

export const bytesOf = (text: string) => new TextEncoder().encode(text);

export interface Checked {
  session: ImportSession;
  inspection: Inspection;
  summary: AnalysisSummary;
}

/** Open, inspect and check `content` as a lead file; `over` changes the request the steward would make. */
export async function check(
  db: LeadsDb,
  content: string | Uint8Array,
  over: Record<string, unknown> = {},
  kind: 'leads' | 'calls' | 'api' = 'leads',
  name = 'leads.csv',
): Promise<Checked> {
  const session = new ImportSession(db, () => NOW);
  const bytes = typeof content === 'string' ? bytesOf(content) : content;
  const opened = await session.open(new File([bytes as Uint8Array<ArrayBuffer>], name));
  if (!opened.ok) throw new Error(`open failed: ${opened.error}`);
  const inspected = await session.inspect(kind);
  if (!inspected.ok) throw new Error('inspect failed');
  const inspection = inspected.value;
  const base: Record<string, unknown> = {
    kind,
    encoding: inspection.encoding,
    region: 'US',
    defaultCampaign: null,
    ...(kind !== 'api'
      ? { delimiter: inspection.delimiter, mapping: inspection.suggested, time: { format: null, timeZone: 'UTC' } }
      : {}),
    ...(kind !== 'calls' ? { defaultSource: 'web-forms', conflictRule: 'keep-existing' } : {}),
    ...(kind === 'leads' ? { declaredAcquiredDay: null } : {}),
  };
  const analysed = await session.analyse({ ...base, ...over } as AnalyseRequest);
  if (!analysed.ok) throw new Error(`analyse failed: ${analysed.error} ${analysed.message ?? ''}`);
  return { session, inspection, summary: analysed.value };
}

/** Check and commit; returns the stored leads. */
export async function importLeads(db: LeadsDb, content: string | Uint8Array, over: Record<string, unknown> = {}) {
  const checked = await check(db, content, over);
  const committed = await checked.session.commit();
  if (!committed.ok) throw new Error(`commit failed: ${committed.error} ${committed.message ?? ''}`);
  return { ...checked, batch: committed.value, leads: await db.leads.toArray() };
}
