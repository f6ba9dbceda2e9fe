import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, sealEntry } from '../audit/audit-hash';
import type { AuditEntry } from '../audit/audit-entry';
import { orgChainHash, verifyOrgChain, type OrgChainRow } from './org-chain';

/** A device chain of `n` entries appended to an organisation chain, as the server builds it. */
function chain(n: number): OrgChainRow[] {
  const rows: OrgChainRow[] = [];
  let prevHash = GENESIS_HASH;
  let orgPrev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const entry: AuditEntry = sealEntry({
      seq: i,
      at: 1_764_000_000_000 + i,
      actor: 'agent',
      action: 'edit',
      entity: 'lead',
      ids: [i],
      before: { name: `a${i}` },
      after: { name: `b${i}` },
      prevHash,
    });
    const orgHash = orgChainHash(orgPrev, entry.hash);
    rows.push({
      deviceId: 'd',
      deviceSeq: i,
      hash: entry.hash,
      orgPosition: i,
      orgPrevHash: orgPrev,
      orgHash,
      entry,
    });
    prevHash = entry.hash;
    orgPrev = orgHash;
  }
  return rows;
}

describe('the organisation chain as a client holds it', () => {
  it('verifies whole, and with positions it may not read left out (gaps, not breaks)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        (n, keep) => {
          const rows = chain(n);
          expect(verifyOrgChain(rows)).toEqual({ count: n, gaps: 0 });
          const held = rows.filter((_, i) => keep[i] || i === 0);
          const report = verifyOrgChain(held);
          expect(report.problem).toBeUndefined();
          expect(report.gaps).toBe(Math.max(...held.map((r) => r.orgPosition)) - held.length);
        },
      ),
    );
  });

  it('finds an edited entry, a forged org hash and a broken link', () => {
    const edited = chain(4);
    edited[2] = { ...edited[2]!, entry: { ...edited[2]!.entry, actor: 'someone else' } };
    expect(verifyOrgChain(edited).problem).toEqual({ position: 3, problem: 'entry-hash' });
    const forged = chain(4);
    forged[1] = { ...forged[1]!, orgHash: 'f'.repeat(64) };
    expect(verifyOrgChain(forged).problem).toEqual({ position: 2, problem: 'org-hash' });
    const relinked = chain(4);
    const r = relinked[3]!;
    relinked[3] = { ...r, orgPrevHash: GENESIS_HASH, orgHash: orgChainHash(GENESIS_HASH, r.hash) };
    expect(verifyOrgChain(relinked).problem).toEqual({ position: 4, problem: 'link' });
  });
});
