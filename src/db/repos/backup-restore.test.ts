import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../domain/audit/audit-hash';
import type { NewLead } from '../../domain/leads/lead';
import { MS_PER_DAY } from '../../domain/time/calendar';
import { readAll } from '../migrations/migration-harness';
import { verifyAuditTrail } from './audit-repo';
import { createBackup, restoreBackup, validateBackup } from './backup-repo';
import { NOW, closeAll, dbWith, demoSlice } from './compliance-test-fixture';
import { addToInternalDnc } from './dnc-repo';
import { forgetPerson } from './forget-person-repo';
import { INTERNAL_LIST_ID } from './internal-dnc';
import { loadLeadCompliance } from './lead-compliance-repo';
import { createLead } from './leads-repo';

afterEach(closeAll);

const person: NewLead = {
  phoneE164: '+12133734253',
  phoneRaw: '213 373 4253',
  region: 'US',
  timeZone: 'America/Los_Angeles',
  name: 'Ada Quistorff',
  company: '',
  email: 'ada.q@example.org',
  tags: [],
  sourceId: 'referrals',
  acquiredAt: NOW - 40 * MS_PER_DAY,
  acquiredAtPrecision: 'exact',
  entryMethod: 'manual',
};

type BackupDoc = {
  format: string;
  schemaVersion: number;
  createdAt: number;
  tables: Record<string, { count: number; sha256: string; rows: unknown[] }>;
};

/** A backup document edited by hand, its counts and checksums recomputed so only the content is wrong. */
function edited(json: string, edit: (doc: BackupDoc) => void): string {
  const doc = JSON.parse(json) as BackupDoc;
  edit(doc);
  for (const table of Object.values(doc.tables)) {
    table.count = table.rows.length;
    table.sha256 = sha256Hex(canonicalJson(table.rows));
  }
  return JSON.stringify(doc);
}

describe('a restore refuses an incomplete or malformed backup before writing anything', () => {
  it('refuses a "leads only" file, and every table stays as it was', async () => {
    const db = await dbWith(demoSlice(200));
    await createLead(db, person, NOW - MS_PER_DAY);
    const { json } = await createBackup(db, NOW);
    const leadsOnly = edited(json, (doc) => {
      doc.tables = { leads: doc.tables.leads! };
    });
    const before = await readAll(db);
    const check = validateBackup(db, leadsOnly);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const missing = check.issues.filter((i) => i.reason === 'missing-table').map((i) => i.table);
    expect(missing).toEqual(
      expect.arrayContaining([
        'calls',
        'consents',
        'dncLists',
        'dncListVersions',
        'dncEntries',
        'sources',
        'campaigns',
        'audit',
        'settings',
      ]),
    );
    expect(await readAll(db)).toEqual(before);
  });

  it('refuses rows of the wrong shape (checksums recomputed), naming table, row and reason', async () => {
    const db = await dbWith(demoSlice(200));
    const { json } = await createBackup(db, NOW);
    const bad = edited(json, (doc) => {
      const leads = doc.tables.leads!.rows as Record<string, unknown>[];
      leads[1]!.tags = 'vip';
      leads[2]!.phoneE164 = null;
      leads[3]!.acquiredAt = 'yesterday';
    });
    const check = validateBackup(db, bad);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const rows = check.issues.filter((i) => i.table === 'leads').map((i) => [i.row, i.field]);
    expect(rows).toEqual([
      [1, 'tags'],
      [2, 'phoneE164'],
      [3, 'acquiredAt'],
    ]);
    expect(check.issues.every((i) => i.reason.length > 0)).toBe(true);
    expect(check.problems[0]).toMatch(/^leads row 1: tags/);
  });

  it('refuses a `__proto__`, `constructor` or unknown table, and an unknown schema version', async () => {
    const db = await dbWith(demoSlice(400));
    const { json } = await createBackup(db, NOW);
    // JSON text, as a hostile file would carry it: `__proto__` as a key of `tables`.
    const withProto = json.replace(
      '"tables":{',
      '"tables":{"__proto__":{"count":0,"sha256":"' + sha256Hex('[]') + '","rows":[]},',
    );
    const proto = validateBackup(db, withProto);
    expect(proto.ok).toBe(false);
    if (!proto.ok)
      expect(proto.issues).toContainEqual(expect.objectContaining({ table: '__proto__', reason: 'forbidden-table' }));
    const extra = validateBackup(
      db,
      edited(json, (doc) => {
        Object.defineProperty(doc.tables, 'constructor', {
          value: { count: 0, sha256: '', rows: [] },
          enumerable: true,
        });
        doc.tables.secrets = { count: 0, sha256: '', rows: [] };
      }),
    );
    expect(extra.ok).toBe(false);
    if (!extra.ok) {
      expect(extra.issues).toContainEqual(expect.objectContaining({ table: 'constructor', reason: 'forbidden-table' }));
      expect(extra.issues).toContainEqual(expect.objectContaining({ table: 'secrets', reason: 'unknown-table' }));
    }
    const future = validateBackup(
      db,
      edited(json, (doc) => {
        doc.schemaVersion = 99;
      }),
    );
    expect(future.ok).toBe(false);
  });
});

describe('restoring an older backup keeps what suppresses and never shortens the trail', () => {
  it('keeps a later internal DNC addition and forget-person suppressions; the trail grows and verifies', async () => {
    const db = await dbWith(demoSlice(200));
    const bea = await createLead(
      db,
      { ...person, phoneE164: '+12133734254', phoneRaw: '213 373 4254', name: 'Bea Quistorff', email: '' },
      NOW - 30 * MS_PER_DAY,
    );
    const other = (await db.leads.filter((l) => l.dncStatus !== 'listed' && !l.phoneE164.startsWith('hmac:')).first())!;
    const { json } = await createBackup(db, NOW - 20 * MS_PER_DAY);

    // After the backup: a "do not call me", a person entered and forgotten, and the erasure of one the backup holds.
    await addToInternalDnc(db, { phone: other.phoneE164, defaultRegion: 'US' }, NOW - 10 * MS_PER_DAY);
    const ada = await createLead(db, person, NOW - 9 * MS_PER_DAY);
    await forgetPerson(db, ada.id, NOW - 5 * MS_PER_DAY);
    await forgetPerson(db, bea.id, NOW - 5 * MS_PER_DAY);
    const trailBefore = await db.audit.count();
    const hashed = (await db.dncEntries.where('listId').equals(INTERNAL_LIST_ID).toArray()).filter((e) =>
      e.phoneE164.startsWith('hmac:'),
    );
    expect(hashed).toHaveLength(2);

    const check = validateBackup(db, json);
    if (!check.ok) throw new Error(check.problems.join('; '));
    await restoreBackup(db, check.backup, NOW);

    // The number is still listed, and the lead is blocked by it.
    const entry = await db.dncEntries.get([INTERNAL_LIST_ID, other.phoneE164]);
    expect(entry).toBeDefined();
    expect(entry!.removedVersionId).toBeUndefined();
    const compliance = (await loadLeadCompliance(db, other.id, NOW + 1000))!;
    expect(compliance.internalListed).toBe(true);
    expect(compliance.verdict.callable).toBe(false);
    expect((await db.leads.get(other.id))!.dncStatus).toBe('listed');
    // The forget-person hashes still suppress: both numbers are blocked.
    for (const h of hashed) expect(await db.dncEntries.get([INTERNAL_LIST_ID, h.phoneE164])).toBeDefined();
    const again = await createLead(db, { ...person, name: 'Someone Else', email: '' }, NOW + 2000);
    const blocked = (await loadLeadCompliance(db, again.id, NOW + 3000))!;
    expect(blocked.internalListed).toBe(true);
    expect(blocked.verdict.callable).toBe(false);
    const beaBack = (await loadLeadCompliance(db, bea.id, NOW + 3000))!;
    expect(beaBack.internalListed).toBe(true);
    expect(beaBack.verdict.callable).toBe(false);
    // The trail grew (never shrank), verifies, and the restore continues the chain.
    expect(await db.audit.count()).toBeGreaterThan(trailBefore);
    expect(await verifyAuditTrail(db)).toBeNull();
    const restoreEntry = (await db.audit.where('action').equals('restore').last())!;
    expect(restoreEntry.seq).toBe(trailBefore + 1);
  });
});

describe('restoring a backup of another database', () => {
  it('keeps the suppressions hashed with this database’s key, and archives the other trail in the restore entry', async () => {
    const here = await dbWith(demoSlice(400));
    const ada = await createLead(here, person, NOW - 30 * MS_PER_DAY);
    await forgetPerson(here, ada.id, NOW - 20 * MS_PER_DAY);
    const elsewhere = await dbWith(demoSlice(300));
    const cy = await createLead(
      elsewhere,
      { ...person, phoneE164: '+12133734255', phoneRaw: '213 373 4255', name: 'Cy Elsewhere', email: '' },
      NOW - 30 * MS_PER_DAY,
    );
    await forgetPerson(elsewhere, cy.id, NOW - 20 * MS_PER_DAY);
    const { json } = await createBackup(elsewhere, NOW - 10 * MS_PER_DAY);
    const trailBefore = await here.audit.count();

    const check = validateBackup(here, json);
    if (!check.ok) throw new Error(check.problems.join('; '));
    await restoreBackup(here, check.backup, NOW);

    // Both keys' suppressions hold: Ada's (this database's key, now a former key) and Cy's (the backup's).
    for (const [p, name] of [
      [person.phoneE164, 'Ada Again'],
      ['+12133734255', 'Cy Again'],
    ] as const) {
      const lead = await createLead(here, { ...person, phoneE164: p, name, email: '' }, NOW + 1000);
      const compliance = (await loadLeadCompliance(here, lead.id, NOW + 2000))!;
      expect(compliance.internalListed, name).toBe(true);
    }
    expect(await verifyAuditTrail(here)).toBeNull();
    const restore = (await here.audit.where('action').equals('restore').last())!;
    expect(restore.seq).toBe(trailBefore + 1);
    const after = restore.after as { backupTrail: { relation: string }; archivedTrail: unknown[] };
    expect(after.backupTrail.relation).toBe('diverged');
    expect(after.archivedTrail.length).toBeGreaterThan(0);
  });
});
