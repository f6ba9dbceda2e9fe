/**
 * Consent events (append-only): capture, renewal and withdrawal for one lead or many. Each
 * call is one transaction that appends the events and one audit entry, or nothing.
 */
import { consentEventsFor, consentInputSchema } from '../../domain/compliance/consent-input';
import type { ConsentEvent } from '../../domain/compliance/consent-event';
import type { LeadsDb } from '../leads-db';
import { appendAudit } from './audit-repo';
import { getSettings } from './settings-repo';

export class ConsentWriteError extends Error {
  constructor(
    readonly code: 'invalid' | 'not-found',
    message: string = code,
  ) {
    super(message);
  }
}

/** Validate and append consent events for every lead in the input; returns them with their ids. */
export async function recordConsent(db: LeadsDb, input: unknown, now = Date.now()): Promise<ConsentEvent[]> {
  const parsed = consentInputSchema.safeParse(input);
  if (!parsed.success)
    throw new ConsentWriteError(
      'invalid',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  const data = parsed.data;
  return db.transaction('rw', [db.consents, db.leads, db.audit, db.settings], async () => {
    const leads = await db.leads.bulkGet(data.leadIds);
    const missing = data.leadIds.filter((_, i) => !leads[i]);
    if (missing.length > 0) throw new ConsentWriteError('not-found', `No lead ${missing.slice(0, 5).join(', ')}`);
    const { operatorName } = await getSettings(db);
    const events = consentEventsFor(data, operatorName);
    const ids = (await db.consents.bulkAdd(events, { allKeys: true })) as number[];
    const { leadIds, ...event } = data;
    await appendAudit(
      db,
      {
        action: 'consent',
        entity: 'lead',
        ids: leadIds,
        before: null,
        after: { ...event, consentIds: ids.length <= 1000 ? ids : { first: ids[0], count: ids.length } },
      },
      now,
    );
    return events.map((e, i) => ({ ...e, id: ids[i]! }));
  });
}

/** A lead's consent events, oldest first. */
export async function consentsForLead(db: LeadsDb, leadId: number): Promise<ConsentEvent[]> {
  const rows = await db.consents.where('leadId').equals(leadId).toArray();
  return rows.sort((a, b) => a.capturedAt - b.capturedAt || a.id - b.id);
}
