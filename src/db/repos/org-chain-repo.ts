/**
 * The organisation's audit chain as this user may read it, kept as pulled (one syncState row per
 * position, `org-audit:<position>`, so the rows sort by position), for the Audit screen.
 */
import type { LeadsDb } from '../leads-db';
import type { OrgChainRow } from '../../domain/sync/org-chain';

export const ORG_CHAIN_PREFIX = 'org-audit:';

export const orgChainKey = (position: number) => `${ORG_CHAIN_PREFIX}${String(position).padStart(12, '0')}`;

/** Every held position, in order. */
export async function listOrgChain(db: LeadsDb): Promise<OrgChainRow[]> {
  const rows = await db.syncState.where('key').startsWith(ORG_CHAIN_PREFIX).toArray();
  return rows.map((r) => {
    const v = r.value as OrgChainRow;
    return { ...v, orgPosition: Number(v.orgPosition), deviceSeq: Number(v.deviceSeq) };
  });
}
