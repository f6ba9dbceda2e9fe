import { afterEach, describe, expect, it } from 'vitest';
import { sha256HexBytes } from '../../domain/audit/audit-hash';
import { MS_PER_DAY } from '../../domain/time/calendar';
import { verifyAuditTrail } from './audit-repo';
import { NOW, closeAll, dbWith, demoSlice } from './compliance-test-fixture';
import { addToInternalDnc, listDncLists } from './dnc-repo';
import { importDncVersion } from './dnc-import-repo';
import { loadLeadCompliance } from './lead-compliance-repo';

afterEach(closeAll);
const bytes = (text: string) => new TextEncoder().encode(text);

describe('importDncVersion', () => {
  it("records the file's rows, invalid lines, SHA-256 and publication date, and diffs the list", async () => {
    const data = demoSlice();
    const db = await dbWith(data);
    const us = data.leads
      .filter((l) => l.region === 'US')
      .slice(0, 3)
      .map((l) => l.phoneE164.slice(2));
    const file = bytes(`phone\n${us.join('\n')}\nnot a number\n${us[0]}\n`);
    const publishedAt = NOW - 2 * MS_PER_DAY;
    const r = await importDncVersion(
      db,
      { listId: 'national-us', fileName: 'dnc-2026-11.txt', bytes: file, publishedAt, defaultRegion: 'US' },
      NOW,
    );
    expect(r.summary).toMatchObject({
      sha256: sha256HexBytes(file),
      rowCount: 5,
      numbers: 3,
      invalidCount: 1,
      duplicates: 1,
      column: 'phone',
    });
    expect(r.version).toMatchObject({
      listId: 'national-us',
      publishedAt,
      importedAt: NOW,
      fileName: 'dnc-2026-11.txt',
      rowCount: 3,
      invalidCount: 1,
      rowsRead: 5,
    });
    // Everything the old version listed and the new one does not is removed by it.
    const rows = await db.dncEntries.filter((e) => e.addedVersionId === r.version.id).toArray();
    expect(rows.map((e) => e.phoneE164).sort()).toEqual(
      us
        .map((n) => `+1${n}`)
        .filter(
          (p) => !data.dncEntries.some((e) => e.listId === 'national-us' && e.phoneE164 === p && !e.removedVersionId),
        )
        .sort(),
    );
    const lists = await listDncLists(db);
    expect(lists.find((l) => l.id === 'national-us')).toMatchObject({
      listed: 3,
      versions: [{ id: r.version.id }, { id: 2 }, { id: 1 }],
    });
    const audit = await db.audit.toArray();
    expect(audit.map((e) => e.action)).toEqual(['dnc-import']);
    expect(await verifyAuditTrail(db)).toBeNull();
  });

  it('refuses a version older than the one in force, and a file with no numbers, writing nothing', async () => {
    const db = await dbWith(demoSlice());
    const input = {
      listId: 'national-us',
      fileName: 'old.txt',
      bytes: bytes('2125550100\n'),
      publishedAt: NOW - 100 * MS_PER_DAY,
      defaultRegion: 'US',
    };
    await expect(importDncVersion(db, input, NOW)).rejects.toMatchObject({ code: 'older-than-current' });
    await expect(
      importDncVersion(db, { ...input, publishedAt: NOW, bytes: bytes('nothing\n') }, NOW),
    ).rejects.toMatchObject({ code: 'no-numbers' });
    await expect(importDncVersion(db, { ...input, listId: 'nope', publishedAt: NOW }, NOW)).rejects.toMatchObject({
      code: 'unknown-list',
    });
    expect(await db.dncListVersions.count()).toBe(4);
    expect(await db.audit.count()).toBe(0);
  });
});

describe('addToInternalDnc', () => {
  it('lists the number at once: the lead is not callable from that instant, and the change is audited on the lead', async () => {
    const data = demoSlice();
    const db = await dbWith(data);
    const lead = data.leads.find((l) => l.region === 'US' && l.dncStatus === 'clear')!;
    const r = await addToInternalDnc(
      db,
      { phone: lead.phoneE164, defaultRegion: 'US', note: 'asked on the phone' },
      NOW,
    );
    expect(r).toEqual({ phoneE164: lead.phoneE164, added: true, leadIds: [lead.id] });
    const after = await loadLeadCompliance(db, lead.id, NOW + 1);
    expect(after!.verdict.callable).toBe(false);
    expect(after!.verdict.reasons.find((x) => x.code === 'dnc-listed')).toMatchObject({
      since: NOW,
      detail: { lists: 'internal' },
    });
    expect(after!.internalListed).toBe(true);
    expect(after!.lead.dncStatus).toBe('listed');
    // Before the request the number was not listed.
    expect((await loadLeadCompliance(db, lead.id, NOW - 1))!.verdict.reasons.some((x) => x.code === 'dnc-listed')).toBe(
      false,
    );
    const [entry] = await db.audit.toArray();
    expect(entry).toMatchObject({ action: 'dnc-add', entity: 'lead', ids: [lead.id], note: 'asked on the phone' });
    // A second addition changes nothing.
    expect((await addToInternalDnc(db, { phone: lead.phoneE164, defaultRegion: 'US' }, NOW + 5)).added).toBe(false);
    expect(await db.audit.count()).toBe(1);
  });

  it('refuses what is not a phone number', async () => {
    const db = await dbWith(demoSlice());
    await expect(addToInternalDnc(db, { phone: 'call me maybe', defaultRegion: 'US' }, NOW)).rejects.toMatchObject({
      code: 'invalid-number',
    });
  });
});
