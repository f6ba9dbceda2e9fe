/**
 * Forgetting a person, off the page (issue 14 item 6): the preview and the erasure read the
 * whole audit trail and every table that may hold the person's name or number, which at a
 * large trail takes seconds. The repository keeps every guarantee (one strict transaction, the
 * suppression, the redacted trail); here a full disk crosses the worker boundary by name, and a
 * lead that is already gone as `ForgetError`'s code. Plain functions over a database, so tests
 * run the same code in-process.
 */
import type { LeadsDb } from '../db/leads-db';
import { forgetPerson, forgetPreview, type ForgetPlan, type ForgetResult } from '../db/repos/forget-person-repo';
import { rethrowStorageError } from '../db/storage-errors';

export interface ForgetApi {
  /** What forgetting lead `leadId` would remove (read only). */
  forgetPreview(leadId: number): Promise<ForgetPlan>;
  /** Forget the person of lead `leadId` everywhere, at `now`, all or nothing. */
  forget(leadId: number, now: number): Promise<ForgetResult>;
}

export function createForgetApi(db: LeadsDb): ForgetApi {
  return {
    forgetPreview: (leadId) => forgetPreview(db, leadId),
    forget: (leadId, now) => forgetPerson(db, leadId, now).catch(rethrowStorageError),
  };
}
