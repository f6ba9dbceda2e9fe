/** Leads: creation (system-stamped createdAt), single edits, reads. Every write is audited. */
import { acquisitionTimeProblem } from '../../domain/time/calendar';
import { EDITABLE_LEAD_FIELDS, type Lead, type LeadPatch, type NewLead } from '../../domain/leads/lead';
import type { LeadsDb } from '../leads-db';
import { appendAudit } from './audit-repo';
import { honourSuppressions, suppressionTables } from './suppression-repo';

export class LeadWriteError extends Error {
  constructor(
    readonly code:
      'duplicate' | 'acquired-future' | 'acquired-before-1990' | 'acquired-invalid' | 'reason-required' | 'not-found',
    message: string = code,
  ) {
    super(message);
  }
}

/** Stamp a new lead with the system's fields. `createdAt` is set here and nowhere else. */
export function stampNewLead(input: NewLead, now: number): Omit<Lead, 'id'> {
  return {
    ...input,
    attempts: input.attempts ?? 0,
    dncStatus: input.dncStatus ?? 'unchecked',
    dncCheckedVersions: input.dncCheckedVersions ?? [],
    createdAt: now,
    updatedAt: now,
  };
}

/** Create one lead (manual entry); refuses a number already stored. */
export async function createLead(db: LeadsDb, input: NewLead, now = Date.now()): Promise<Lead> {
  const problem = acquisitionTimeProblem(input.acquiredAt, now);
  if (problem) throw new LeadWriteError(`acquired-${problem}`);
  return db.transaction('rw', [...suppressionTables(db), db.audit], async () => {
    const existing = await db.leads.where('phoneE164').equals(input.phoneE164).first();
    if (existing) throw new LeadWriteError('duplicate', `A lead with ${input.phoneE164} exists (#${existing.id}).`);
    const row = stampNewLead(input, now);
    const id = await db.leads.add(row);
    await appendAudit(db, { action: 'create', entity: 'lead', ids: [id], before: null, after: { ...row, id } }, now);
    // The number of a forgotten person goes straight back on the internal do-not-call list.
    const [suppressed] = await honourSuppressions(db, [input.phoneE164]);
    if (suppressed)
      await appendAudit(
        db,
        {
          action: 'dnc-add',
          entity: 'lead',
          ids: [id],
          before: null,
          after: { list: 'internal', reason: 'forgotten-person', suppression: suppressed.suppression },
        },
        now,
      );
    return (await db.leads.get(id))!;
  });
}

/** Edit one lead. Only editable fields are applied; changing `acquiredAt` needs a reason. */
export async function updateLead(
  db: LeadsDb,
  id: number,
  patch: LeadPatch,
  reason?: string,
  now = Date.now(),
): Promise<Lead> {
  const clean: Record<string, unknown> = {};
  for (const k of EDITABLE_LEAD_FIELDS) if (k in patch) clean[k] = patch[k];
  if (clean.acquiredAt !== undefined) {
    const problem = acquisitionTimeProblem(clean.acquiredAt as number, now);
    if (problem) throw new LeadWriteError(`acquired-${problem}`);
  }
  return db.transaction('rw', [db.leads, db.audit, db.settings], async () => {
    const lead = await db.leads.get(id);
    if (!lead) throw new LeadWriteError('not-found');
    const changed = Object.keys(clean).filter(
      (k) => JSON.stringify(lead[k as keyof Lead]) !== JSON.stringify(clean[k]),
    );
    if (changed.includes('acquiredAt') && !reason?.trim()) throw new LeadWriteError('reason-required');
    if (changed.length === 0) return lead;
    const before = Object.fromEntries(changed.map((k) => [k, lead[k as keyof Lead]]));
    const after = Object.fromEntries(changed.map((k) => [k, clean[k]]));
    const next = { ...lead, ...after, updatedAt: now } as Lead;
    await db.leads.put(next);
    await appendAudit(
      db,
      { action: 'edit', entity: 'lead', ids: [id], before, after, ...(reason ? { note: reason } : {}) },
      now,
    );
    return next;
  });
}

/** How many leads are stored. */
export function countLeads(db: LeadsDb): Promise<number> {
  return db.leads.count();
}

export function getLead(db: LeadsDb, id: number): Promise<Lead | undefined> {
  return db.leads.get(id);
}
