/**
 * The audit chain head kept outside the audit table (src/domain/audit/audit-head.ts): a flag row
 * in the settings table, written by `appendAudit` in the append's own transaction. Backups carry
 * it with the settings table, consistent with the trail they carry.
 */
import { keptHeadSchema, type KeptHead } from '../../domain/audit/audit-head';
import type { LeadsDb } from '../leads-db';
import { getFlag, setFlag } from './settings-read-repo';

const FLAG = 'auditHead';

/** The kept head, or undefined when none was kept yet (a trail from before it was kept) or it is unreadable. */
export async function keptHead(db: LeadsDb): Promise<KeptHead | undefined> {
  const parsed = keptHeadSchema.safeParse(await getFlag<unknown>(db, FLAG));
  return parsed.success ? parsed.data : undefined;
}

export function keepHead(db: LeadsDb, head: KeptHead): Promise<void> {
  return setFlag(db, FLAG, head);
}
