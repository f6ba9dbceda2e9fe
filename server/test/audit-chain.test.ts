/** Audit across devices: each device's chain is verified with the app's own hash, then appended to the organisation's chain. */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, sealEntry } from '../../src/domain/audit/audit-hash';
import type { AuditEntry } from '../../src/domain/audit/audit-entry';
import { orgChainHash } from '../src/protocol/audit-chain';
import { addUser, makeOrg, pullAll, pushAs, tokenFor, type TestDb, withTestServer } from './helpers';

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
});
