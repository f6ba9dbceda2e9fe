/**
 * A company-specific DNC request is kept 5 years (US TCPA, DESIGN.md §4): the retention purge and
 * "forget this person" must leave its suppression (the keyed hash on the internal list) dated at
 * the request, even when the request was only a call outcome and never an internal-list entry.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addMonths } from '../../domain/time/calendar';
import type { Lead } from '../../domain/leads/lead';
import { NOW, closeAll, dbWith, demoSlice } from './compliance-test-fixture';
import { forgetPerson } from './forget-person-repo';
import { INTERNAL_LIST_ID } from './internal-dnc';
import { purgeRetention } from './retention-repo';
import { planFromTables } from './retention-test-kit';
import { saveSettings } from './settings-repo';
import { suppressedAmong } from './suppression-repo';

afterEach(closeAll);
const DAY = 86_400_000;
const YEAR = 365 * DAY;

/** A world with one US lead whose only "do not call me" is a call outcome `requestAgo` before NOW. */
async function withRequest(requestAgo: number) {
  const data = demoSlice(40);
  const lead: Lead = {
    ...data.leads.find((l) => l.region === 'US')!,
    acquiredAt: NOW - requestAgo - DAY,
    lastContactAt: NOW - requestAgo,
  };
  data.leads = data.leads.map((l) => (l.id === lead.id ? lead : l));
  data.calls = [
    ...data.calls.filter((c) => c.leadId !== lead.id),
    { id: 9_999_999, leadId: lead.id, at: NOW - requestAgo, outcome: 'dnc-requested', durationSec: 30, agent: 'Sam' },
  ];
  data.dncEntries = data.dncEntries.filter((e) => e.phoneE164 !== lead.phoneE164);
  const db = await dbWith(data);
  // Retention counted from acquisition, 12 months: the lead is due long before its request may go.
  await saveSettings(db, { retentionFrom: 'acquired', retentionMonths: 12 }, NOW - 1);
  return { db, lead, requestedAt: NOW - requestAgo };
}

describe('a DNC request younger than 5 years survives', () => {
  it.each(['delete', 'anonymize'] as const)(
    'the retention purge (%s): the number stays suppressed, listed since the request',
    async (mode) => {
      const { db, lead, requestedAt } = await withRequest(2 * YEAR);
      const plan = await purgeRetention(db, { plan: await planFromTables(db, NOW, mode) }, NOW);
      expect(plan.leadIds).toContain(lead.id);
      const hit = (await suppressedAmong(db, [lead.phoneE164])).get(lead.phoneE164);
      expect(hit).toMatchObject({ listId: INTERNAL_LIST_ID, addedAt: requestedAt });
      const entry = (await db.audit.where('action').equals('purge').toArray())[0]!;
      expect(entry.after).toMatchObject({ dncRequestsKept: 1 });
    },
  );

  it('a request past its 5 years is not kept by the purge', async () => {
    const { db, lead, requestedAt } = await withRequest(6 * YEAR);
    expect(addMonths(requestedAt, 60, 'America/New_York')).toBeLessThan(NOW);
    await purgeRetention(db, { plan: await planFromTables(db, NOW, 'delete') }, NOW);
    expect((await suppressedAmong(db, [lead.phoneE164])).size).toBe(0);
  });

  it('forgetting the person keeps the suppression dated at the request, not at the erasure', async () => {
    const { db, lead, requestedAt } = await withRequest(2 * YEAR);
    await forgetPerson(db, lead.id, NOW);
    expect((await suppressedAmong(db, [lead.phoneE164])).get(lead.phoneE164)).toMatchObject({ addedAt: requestedAt });
  });
});
