import { useLiveQuery } from 'dexie-react-hooks';
import { useMutation } from '@tanstack/react-query';
import { getDb } from '../../../db/leads-db';
import { catalogNames } from '../../../db/repos/catalog-repo';
import { auditEntryDetail, auditHead, auditTrailReport, countAudit, listAudit } from '../../../db/repos/audit-repo';
import { toAuditRow } from '../../../domain/audit/audit-row';
import { summariseAudit } from '../../../domain/audit/audit-summary';
import type { AuditEntry } from '../../../domain/audit/audit-entry';

export const AUDIT_PAGE_SIZE = 50;

/** One page of the trail, newest first, with the chain head and total; rows display whatever the table holds, each summarised in words when it is a valid entry. */
export function useAuditPage(page: number, action?: string) {
  return useLiveQuery(async () => {
    const db = getDb();
    const [entries, head, total, names] = await Promise.all([
      listAudit(db, { limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE, ...(action ? { action } : {}) }),
      auditHead(db),
      countAudit(db),
      catalogNames(db),
    ]);
    const rows = entries.map((e) => {
      const row = toAuditRow(e as unknown);
      return { ...row, summary: row.malformed ? null : summariseAudit(e as AuditEntry) };
    });
    return { rows, head, total, names };
  }, [page, action]);
}

/** One entry with the entry it undid and the undo that reverted it, if any (null: no such entry). */
export function useAuditEntry(seq: number | undefined) {
  return useLiveQuery(async () => {
    if (seq === undefined) return null;
    const [detail, names] = await Promise.all([auditEntryDetail(getDb(), seq), catalogNames(getDb())]);
    return detail ? { ...detail, names } : null;
  }, [seq]);
}

/** Re-hash the whole trail. */
export function useVerifyTrail() {
  return useMutation({ mutationFn: () => auditTrailReport(getDb()), networkMode: 'always' });
}
