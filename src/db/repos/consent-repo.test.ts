import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from './audit-repo';
import { NOW, closeAll, dbWith, demoSlice } from './compliance-test-fixture';
import { consentsForLead, recordConsent } from './consent-repo';
import { scrubAllLeads } from './dnc-scrub-repo';
import { loadLeadCompliance } from './lead-compliance-repo';

afterEach(closeAll);
// Tuesday 2026-12-01 15:00 in New York: inside calling hours.
const AT = Date.UTC(2026, 11, 1, 20, 0);

describe('recordConsent', () => {
  it(
    'withdrawing consent makes a callable lead not callable, from the moment of the withdrawal',
    { timeout: 60_000 },
    async () => {
      const data = demoSlice();
      const db = await dbWith(data);
      await scrubAllLeads(db, NOW);
      const candidates = await Promise.all(
        data.leads
          .filter((l) => l.region === 'US')
          .slice(0, 120)
          .map((l) => loadLeadCompliance(db, l.id, AT)),
      );
      const callable = candidates.find((c) => c!.verdict.callable && c!.lead.region === 'US')!;
      expect(callable).toBeDefined();
      const [event] = await recordConsent(
        db,
        {
          leadIds: [callable.lead.id],
          purpose: 'calls',
          kind: 'withdrawn',
          basis: 'consent',
          method: 'verbal-recording',
          proofRef: 'rec-2026-12-01-0042',
          capturedAt: AT - 60_000,
        },
        AT,
      );
      expect(event).toMatchObject({
        leadId: callable.lead.id,
        kind: 'withdrawn',
        capturedBy: 'Data steward',
        proofRef: 'rec-2026-12-01-0042',
      });
      const after = await loadLeadCompliance(db, callable.lead.id, AT);
      expect(after!.verdict.callable).toBe(false);
      expect(after!.verdict.reasons).toContainEqual({
        code: 'consent-withdrawn',
        severity: 'block',
        since: AT - 60_000,
      });
      expect(after!.consent.status).toBe('withdrawn');
      // Before the withdrawal the lead was callable: history is append-only.
      expect((await loadLeadCompliance(db, callable.lead.id, AT - 120_000))!.verdict.callable).toBe(true);
      expect((await consentsForLead(db, callable.lead.id)).at(-1)).toEqual(event);
    },
  );

  it('captures for many leads at once: one event each, one audit entry', async () => {
    const data = demoSlice();
    const db = await dbWith(data);
    const ids = data.leads.slice(0, 5).map((l) => l.id);
    const before = await db.consents.count();
    const events = await recordConsent(
      db,
      {
        leadIds: ids,
        purpose: 'calls',
        kind: 'granted',
        basis: 'consent',
        method: 'web-form',
        proofRef: 'form-7',
        capturedAt: NOW,
        expiresAt: NOW + 1e10,
      },
      NOW,
    );
    expect(events.map((e) => e.leadId)).toEqual(ids);
    expect(await db.consents.count()).toBe(before + 5);
    const audit = await db.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'consent', entity: 'lead', ids });
    expect(await verifyAuditTrail(db)).toBeNull();
  });

  it('refuses a withdrawal without a proof reference, and unknown leads, writing nothing', async () => {
    const data = demoSlice();
    const db = await dbWith(data);
    const before = await db.consents.count();
    const base = { purpose: 'calls', basis: 'consent', method: 'written', capturedAt: NOW };
    await expect(
      recordConsent(db, { ...base, leadIds: [data.leads[0]!.id], kind: 'withdrawn', proofRef: '  ' }, NOW),
    ).rejects.toMatchObject({ code: 'invalid' });
    await expect(
      recordConsent(db, { ...base, leadIds: [999_999], kind: 'granted', proofRef: 'x' }, NOW),
    ).rejects.toMatchObject({ code: 'not-found' });
    expect(await db.consents.count()).toBe(before);
    expect(await db.audit.count()).toBe(0);
  });
});
