import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { GENESIS_HASH, legacyEntryHash, redactDetails, sealEntry, verifyChain } from '../../domain/audit/audit-hash';
import type { AuditEntry } from '../../domain/audit/audit-entry';
import { LeadsDb } from '../leads-db';
import { appendAudit } from '../repos/audit-repo';
import { auditFormat2Rows } from './audit-format-2-expectation';
import { DEMO_NOW, demoRows, migrateAndDigest } from './migration-harness';
import { v001 } from './v001-initial';
import { v002 } from './v002-operation-journal';
import { AUDIT_UPGRADE_KEY, v003 } from './v003-audit-details-hash';

const CHAIN = [v001, v002, v003];
const UPGRADE_AT = DEMO_NOW + 3_600_000;
const opened: Dexie[] = [];
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(UPGRADE_AT);
});
afterEach(async () => {
  vi.useRealTimers();
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** A format-1 trail of `n` entries, as schema v1/v2 wrote them. */
function legacyTrail(n: number, tamper?: (e: AuditEntry) => AuditEntry): AuditEntry[] {
  let prevHash = GENESIS_HASH;
  return Array.from({ length: n }, (_, i) => {
    const unhashed = {
      seq: i + 1,
      at: DEMO_NOW + i,
      actor: 'Data steward',
      action: 'edit' as const,
      entity: 'lead',
      ids: [i + 1],
      before: { name: `Old ${i}` },
      after: { name: `New ${i}` },
      prevHash,
    };
    prevHash = legacyEntryHash(unhashed);
    const entry = { ...unhashed, hash: prevHash };
    return i === 2 && tamper ? tamper(entry) : entry;
  });
}

/** Open at v2 holding `audit`, close, reopen at v3; the audit table and the upgrade row after. */
async function upgradeWith(audit: AuditEntry[], extra?: (db: LeadsDb) => Promise<void>) {
  const name = `v003-${crypto.randomUUID()}`;
  const old = new LeadsDb(name, CHAIN.slice(0, 2));
  opened.push(old);
  await old.open();
  await old.audit.bulkAdd(audit);
  await extra?.(old);
  old.close();
  const db = new LeadsDb(name, CHAIN);
  opened.push(db);
  await db.open();
  return {
    db,
    trail: await db.audit.orderBy('seq').toArray(),
    record: (await db.settings.get(AUDIT_UPGRADE_KEY))?.value as Record<string, unknown> | undefined,
  };
}

describe('v003: the audit trail in format 2', () => {
  it('rewrites the demo slice as promised, every other table untouched (harness)', async () => {
    const outcome = await migrateAndDigest(CHAIN, 3, {
      expectRows: (rows) => auditFormat2Rows(rows, UPGRADE_AT, 'Data steward'),
    });
    expect(outcome.verno).toBe(3);
    expect(outcome.after).toEqual(outcome.expected);
    expect(outcome.after.audit!.count).toBe(demoRows().audit!.length + 1);
    expect(outcome.after.leads).toEqual(outcome.before.leads);
  });

  it('re-chains a verified trail; each entry keeps its old hash, so an anchor taken before the upgrade still matches', async () => {
    const old = legacyTrail(6);
    const { trail, record } = await upgradeWith(old);
    expect(verifyChain(trail)).toBeNull();
    expect(trail.every((e) => e.detailsHash !== undefined)).toBe(true);
    // An anchor exported after entry 4, before the upgrade:
    const anchor = { seq: 4, hash: old[3]!.hash };
    expect(trail.find((e) => e.seq === anchor.seq)!.legacyHash).toBe(anchor.hash);
    for (const [i, e] of old.entries())
      expect(trail[i]).toMatchObject({ seq: e.seq, before: e.before, after: e.after, legacyHash: e.hash });
    expect(trail.slice(0, 6).map((e) => e.hash)).not.toContain(old[5]!.hash);
    const closing = trail.at(-1)!;
    expect(closing).toMatchObject({
      seq: 7,
      action: 'upgrade',
      at: UPGRADE_AT,
      before: { format: 1, head: { seq: 6, hash: old[5]!.hash }, previousTrail: { intact: true } },
      after: { format: 2, head: { seq: 6, hash: trail[5]!.hash } },
    });
    expect(record).toEqual({
      at: UPGRADE_AT,
      schemaVersion: 3,
      previousHead: { seq: 6, hash: old[5]!.hash },
      newHead: { seq: 6, hash: trail[5]!.hash },
      previousTrail: { intact: true },
      upgradeSeq: 7,
    });
  });

  it('does not launder a trail that was already broken: the break is recorded in the entry and the settings row', async () => {
    const { trail, record } = await upgradeWith(legacyTrail(5, (e) => ({ ...e, after: { name: 'Rewritten' } })));
    expect(verifyChain(legacyTrail(5, (e) => ({ ...e, after: { name: 'Rewritten' } })))).toMatchObject({ seq: 3 });
    expect(record!.previousTrail).toEqual({ intact: false, brokenAtSeq: 3, problem: 'hash-mismatch' });
    expect(trail.at(-1)!.before).toMatchObject({ previousTrail: { intact: false, brokenAtSeq: 3 } });
  });

  it('lets a later erasure redact details of upgraded entries while the chain still verifies', async () => {
    const { trail } = await upgradeWith(legacyTrail(4));
    const head = trail.at(-1)!;
    // An erasure's `forget` entry names what it redacted; without it the redaction is tampering.
    const forget = sealEntry({
      seq: head.seq + 1,
      at: UPGRADE_AT + 1,
      actor: 'Data steward',
      action: 'forget',
      entity: 'lead',
      ids: [1],
      before: null,
      after: { redactedSeqs: [2] },
      prevHash: head.hash,
    });
    const redacted = [...trail.map((e) => (e.seq === 2 ? redactDetails(e, UPGRADE_AT + 1) : e)), forget];
    expect(verifyChain(redacted)).toBeNull();
    expect(verifyChain(redacted.map((e) => (e.seq === 2 ? { ...e, ids: [99] } : e)))).toMatchObject({ seq: 2 });
  });

  it('upgrades a mixed trail (format-2 entries appended on top of format-1 ones) and new entries chain on', async () => {
    const { db } = await upgradeWith(legacyTrail(3), async (old) => {
      await old.transaction('rw', old.audit, old.settings, () =>
        appendAudit(
          old as LeadsDb,
          { action: 'settings', entity: 'settings', ids: ['x'], before: null, after: { x: 1 } },
          DEMO_NOW + 10,
        ),
      );
    });
    await db.transaction('rw', db.audit, db.settings, () =>
      appendAudit(
        db,
        { action: 'export', entity: 'export', ids: [], before: null, after: { rows: 1 } },
        UPGRADE_AT + 5,
      ),
    );
    const trail = await db.audit.orderBy('seq').toArray();
    expect(trail.map((e) => e.action)).toEqual(['edit', 'edit', 'edit', 'settings', 'upgrade', 'export']);
    expect(verifyChain(trail)).toBeNull();
  });

  it('leaves an empty trail empty, with no upgrade row', async () => {
    const { trail, record } = await upgradeWith([]);
    expect(trail).toEqual([]);
    expect(record).toBeUndefined();
  });
});
