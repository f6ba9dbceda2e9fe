/**
 * The engine answers an export's leads off its columns for the data version its verdicts were
 * given at — the cells the table's leads give — and nothing for another version; after a write
 * it answers for the new version once it has caught up.
 */
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, dbWith, demoSlice } from '../db/repos/compliance-test-fixture';
import { updateLead } from '../db/repos/leads-repo';
import { EXPORT_COLUMNS, exportValue, type ExportLead } from '../domain/import-export/export-columns';
import { unpackExportLeads } from '../domain/import-export/packed-export-leads';
import { createGridEngine } from './grid-engine';

afterAll(closeAll);

const CTX = { time: { timeZone: 'Europe/London', pattern: 'iso' } } as const;
const cells = (leads: readonly ExportLead[]) => leads.map((l) => EXPORT_COLUMNS.map((c) => exportValue(l, c, CTX)));

describe("the engine's leads for an export", () => {
  it('are the table leads for the version asked, and none for another', { timeout: 60_000 }, async () => {
    const db = await dbWith(demoSlice(40));
    const engine = createGridEngine(db);
    const { ids, dataVersion } = await engine.judged({}, undefined, Date.now());
    expect(dataVersion).not.toBeNull();
    const sorted = Int32Array.from(ids).sort();
    expect(sorted.length).toBeGreaterThan(20);
    const fromTable = (await db.leads.bulkGet(Array.from(sorted))) as ExportLead[];
    const packed = await engine.exportLeads(sorted.slice(), dataVersion!);
    expect(packed).not.toBeNull();
    const fromEngine = unpackExportLeads(packed!);
    expect(cells(fromEngine!)).toEqual(cells(fromTable));
    expect(await engine.exportLeads(sorted.slice(), 'another-version')).toBeNull();

    // A write: the old version is no longer answered once the engine has caught up; the new one is.
    const first = fromTable[0]!;
    await updateLead(db, first.id, { email: 'Written.In@Capitals.test' });
    const next = await engine.judged({}, undefined, Date.now());
    expect(next.dataVersion).not.toBe(dataVersion);
    expect(await engine.exportLeads(sorted.slice(), dataVersion!)).toBeNull();
    const after = await engine.exportLeads(sorted.slice(0, 1), next.dataVersion!);
    expect(unpackExportLeads(after!)[0]!.email).toBe('Written.In@Capitals.test');
  });
});
