import { useLiveQuery } from 'dexie-react-hooks';
import { useMutation } from '@tanstack/react-query';
import { getDb } from '../../../db/leads-db';
import { auditHead, auditTrailReport, listAudit } from '../../../db/repos/audit-repo';
import { toAuditRow } from '../../../domain/audit/audit-row';

export const AUDIT_PAGE_SIZE = 50;

/** One page of the trail, newest first, with the chain head and total; rows display whatever the table holds. */
export function useAuditPage(page: number, action?: string) {
  return useLiveQuery(async () => {
    const db = getDb();
    const [entries, head, total] = await Promise.all([
      listAudit(db, { limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE, ...(action ? { action } : {}) }),
      auditHead(db),
      db.audit.count(),
    ]);
    return { rows: entries.map((e) => toAuditRow(e as unknown)), head, total };
  }, [page, action]);
}

/** Re-hash the whole trail. */
export function useVerifyTrail() {
  return useMutation({ mutationFn: () => auditTrailReport(getDb()), networkMode: 'always' });
}
