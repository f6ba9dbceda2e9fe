/** Audit across devices: each device's chain is verified with the app's own hash, then appended to the organisation's chain. */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, redactDetails, sealEntry, verifyChainAll } from '../../src/domain/audit/audit-hash';
import type { AuditEntry } from '../../src/domain/audit/audit-entry';
import { orgChainHash } from '../src/protocol/audit-chain';
import { withSession } from '../src/db/session';
import {
  addUser,
  hlc,
  leadPut,
  makeOrg,
  newLeadFields,
  pullAll,
  pushAs,
  tokenFor,
  type TestDb,
  withTestServer,
} from './helpers';

let db: TestDb;
let app: FastifyInstance;
withTestServer((d, a) => {
  db = d;
  app = a;
});

/** A device's chain as the app seals it (src/domain/audit/audit-hash.ts). */
function chain(length: number, actor: string): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let seq = 1; seq <= length; seq++) {
    out.push(
      sealEntry({
        seq,
        at: Date.UTC(2026, 11, 1) + seq,
        actor,
        action: 'edit',
        entity: 'lead',
        ids: [seq],
        before: { name: `n${seq - 1}` },
        after: { name: `n${seq}` },
        prevHash: out.at(-1)?.hash ?? GENESIS_HASH,
      }),
    );
  }
  return out;
}

const append = (entries: AuditEntry[]) => ({ id: crypto.randomUUID(), type: 'audit.append', entries });

describe('audit chains', () => {
  it('verifies device segments with the app’s hash, defers a gap, quarantines a tampered entry, links the org chain', async () => {
    const org = await makeOrg(db);
    const agent = await addUser(db, org.orgId, 'agent', [org.teams[0]!]);
    const steward = tokenFor(app, org.steward);
    const a = chain(6, 'steward');
    const b = chain(3, 'agent');

    expect((await pushAs(app, steward, [append(a.slice(3))], 'dev-a'))[0]).toMatchObject({
      status: 'deferred',
      reason: 'chain-gap',
    });
    const first = await pushAs(app, steward, [append(a.slice(0, 3))], 'dev-a');
    expect(first[0]!.status).toBe('applied');
    expect((await pushAs(app, tokenFor(app, agent), [append(b)], 'dev-b'))[0]!.status).toBe('applied');
    // An overlapping replay (entries 2..6) appends only what is new.
    expect((await pushAs(app, steward, [append(a.slice(1))], 'dev-a'))[0]!.status).toBe('applied');

    const tampered = chain(7, 'steward').slice(6);
    tampered[0] = { ...tampered[0]!, after: { name: 'forged' }, detailsHash: tampered[0]!.detailsHash, actor: 'x' };
    expect((await pushAs(app, steward, [append(tampered)], 'dev-a'))[0]).toMatchObject({
      status: 'quarantined',
      reason: 'chain-broken',
    });
    const fork = chain(2, 'someone else');
    expect((await pushAs(app, steward, [append(fork)], 'dev-a'))[0]).toMatchObject({
      status: 'quarantined',
      reason: 'chain-fork',
    });

    const audit = (await pullAll(app, steward))
      .filter((c) => c.kind === 'audit')
      .map(
        (c) =>
          c.data as {
            deviceId: string;
            deviceSeq: number;
            hash: string;
            orgPosition: number;
            orgPrevHash: string;
            orgHash: string;
          },
      );
    expect(audit).toHaveLength(9);
    audit.sort((x, y) => x.orgPosition - y.orgPosition);
    let prev = GENESIS_HASH;
    audit.forEach((e, i) => {
      expect(e.orgPosition).toBe(i + 1);
      expect(e.orgPrevHash).toBe(prev);
      expect(e.orgHash).toBe(orgChainHash(prev, e.hash));
      prev = e.orgHash;
    });
    expect(audit.filter((e) => e.deviceId === 'dev-a').map((e) => e.deviceSeq)).toEqual([1, 2, 3, 4, 5, 6]);
    // The agent reads only their own device's entries; the steward reads all.
    const agentAudit = (await pullAll(app, tokenFor(app, agent))).filter((c) => c.kind === 'audit');
    expect(agentAudit.map((c) => c.data.deviceId)).toEqual(['dev-b', 'dev-b', 'dev-b']);
  });

  it('a mutation repeated within one fresh batch is applied once and answered twice', async () => {
    const org = await makeOrg(db);
    const token = tokenFor(app, org.steward);
    const call = {
      id: crypto.randomUUID(),
      type: 'call.add',
      call: { id: 'call-twice-001', leadId: 'lead-t0000001', at: 1, outcome: 'busy', durationSec: 0, agent: 'a' },
    };
    const results = await pushAs(app, token, [call, call]);
    expect(results).toEqual([
      { id: call.id, status: 'applied' },
      { id: call.id, status: 'applied', duplicate: true },
    ]);
    expect((await pullAll(app, token)).filter((c) => c.kind === 'call')).toHaveLength(1);
  });

  it("an erasure on a device redacts the details of that device's entries it names, here and at every replica's next pull", async () => {
    const org = await makeOrg(db);
    const steward = tokenFor(app, org.steward);
    const t0 = Date.UTC(2026, 11, 1);
    const seal = (seq: number, prevHash: string, fields: Partial<AuditEntry>) =>
      sealEntry({
        seq,
        at: t0 + seq,
        actor: 'steward',
        action: 'edit',
        entity: 'lead',
        ids: [seq],
        prevHash,
        ...fields,
      } as never);
    const imported = seal(1, GENESIS_HASH, {
      action: 'import',
      ids: [1, 2],
      before: null,
      after: { leads: { 1: { name: 'Ann Erased', phoneE164: '+12133734401' }, 2: { name: 'Bob Kept' } } },
    });
    const edited = seal(2, imported.hash, { before: { name: 'Bob Kept' }, after: { name: 'Bob K.' } });
    await pushAs(app, steward, [append([imported, edited])], 'dev-a');
    // Another device's entry 1, which dev-a's erasure must not touch.
    const theirs = chain(1, 'agent');
    await pushAs(app, steward, [append(theirs)], 'dev-b');
    const pulled = async () =>
      Object.fromEntries(
        (await pullAll(app, steward))
          .filter((c) => c.kind === 'audit')
          .map((c) => [`${String(c.data.deviceId)}:${String(c.data.deviceSeq)}`, c]),
      );
    const before = await pulled();
    expect(JSON.stringify(before['dev-a:1']!.data.entry)).toContain('Ann Erased');

    // A forget entry with no erasure behind it (no lead id, or a lead not erased here) redacts nothing.
    const forgetOf = (seq: number, prevHash: string, after: object) =>
      sealEntry({
        seq,
        at: t0 + seq * 100,
        actor: 'steward',
        action: 'forget',
        entity: 'lead',
        ids: [1],
        before: null,
        after,
        prevHash,
      });
    const team = org.teams[0]!;
    await pushAs(app, steward, [leadPut('lead-ann00001', team, newLeadFields('Ann Erased'), hlc(t0), '+12133734401')]);
    const unfounded = forgetOf(3, edited.hash, { redactedSeqs: [1, 2] });
    const notErased = forgetOf(4, unfounded.hash, { redactedSeqs: [1, 2], leadSyncId: 'lead-ann00001' });
    await pushAs(app, steward, [append([unfounded, notErased])], 'dev-a');
    expect((await pulled())['dev-a:1']!.data.entry).toEqual(before['dev-a:1']!.data.entry);
    expect((await pulled())['dev-a:2']!.data.entry).toEqual(before['dev-a:2']!.data.entry);

    // The device forgets Ann (the lead erased on the server, as its removal does first): its own copy
    // of entry 1 redacted as of the forget, then the forget entry, naming the lead and an earlier
    // forget entry too (never redacted).
    await pushAs(app, steward, [
      { id: crypto.randomUUID(), type: 'lead.remove', leadId: 'lead-ann00001', reason: 'erase', at: t0 },
    ]);
    const forget = forgetOf(5, notErased.hash, { redactedSeqs: [1, 3], leadSyncId: 'lead-ann00001', suppression: 'k' });
    const forgetAt = forget.at;
    expect((await pushAs(app, steward, [append([forget])], 'dev-a'))[0]!.status).toBe('applied');

    const after = await pulled();
    const redacted = after['dev-a:1']!;
    expect(JSON.stringify(redacted.data.entry)).not.toContain('Ann Erased');
    expect(redacted.data.entry).toEqual(redactDetails(imported, forgetAt));
    // Pulled again, at a later seq (every replica replaces the copy it held); its place is kept.
    expect(redacted.seq).toBeGreaterThan(before['dev-a:1']!.seq);
    for (const k of ['hash', 'orgPosition', 'orgPrevHash', 'orgHash'])
      expect(redacted.data[k]).toEqual(before['dev-a:1']!.data[k]);
    // Unnamed and other devices' entries are as they were; the device's chain verifies with the app's verifier.
    expect(after['dev-a:2']!.data.entry).toEqual(before['dev-a:2']!.data.entry);
    expect(JSON.stringify(after['dev-a:3']!.data.entry)).toContain('redactedSeqs');
    expect(after['dev-b:1']!.data.entry).toEqual(before['dev-b:1']!.data.entry);
    const devA = [1, 2, 3, 4, 5].map((n) => after[`dev-a:${n}`]!.data.entry);
    expect(verifyChainAll(devA)).toEqual([]);
    // Replayed: nothing changes again (the seq stays).
    await pushAs(app, steward, [append([forget])], 'dev-a');
    expect((await pulled())['dev-a:1']!.seq).toBe(redacted.seq);

    // Outside that path the trail stays append-only, even for the owner in the organisation's session.
    const marker = JSON.stringify({ redacted: true, at: 1 });
    for (const [sql, params] of [
      [`UPDATE audit_entries SET entry = entry || '{"note": "x"}' WHERE device_id = 'dev-a'`, []],
      [
        `UPDATE audit_entries SET entry = entry || jsonb_build_object('before', $1::jsonb, 'after', $1::jsonb) WHERE device_id = 'dev-b'`,
        [marker],
      ],
    ] as const)
      await expect(withSession(db.owner, org.steward, (c) => c.query(sql, [...params]))).rejects.toThrow(/append-only/);
  });
});
