import { afterEach, describe, expect, it } from 'vitest';
import { effectiveRules } from '../../domain/compliance/policies';
import { DEFAULT_SETTINGS } from '../../domain/settings/settings';
import { NOW, closeAll, dbWith, demoSlice } from './compliance-test-fixture';
import { recordConsent } from './consent-repo';
import { loadProof } from './proof-repo';
import { saveSettings } from './settings-repo';

afterEach(closeAll);

describe('loadProof', () => {
  it(
    'for a past call: rebuilt from what was known then, under the policy in force then, with the audit chain',
    { timeout: 60_000 },
    async () => {
      const data = demoSlice();
      const db = await dbWith(data);
      // A US lead called after the demo's scrub, with consent on record.
      const scrubAt = data.scrub.at;
      const call = data.calls.find(
        (c) =>
          c.at > scrubAt &&
          data.leads.find((l) => l.id === c.leadId)?.region === 'US' &&
          data.consents.some((e) => e.leadId === c.leadId),
      )!;
      expect(call).toBeDefined();
      await recordConsent(
        db,
        {
          leadIds: [call.leadId],
          purpose: 'calls',
          kind: 'withdrawn',
          basis: 'consent',
          method: 'written',
          proofRef: 'letter-1',
          capturedAt: NOW,
        },
        NOW,
      );
      await saveSettings(db, { policyPresets: ['us-tsr', 'us-tcpa', 'florida', 'organisation'] }, NOW + 1);

      const proof = await loadProof(db, { callId: call.id }, NOW + 2);
      expect(proof).not.toBeNull();
      const { report } = proof!;
      expect(report).toMatchObject({ at: call.at, generatedAt: NOW + 2, call: { id: call.id, outcome: call.outcome } });
      // The later withdrawal and the later Florida preset are not part of that moment.
      expect(report.consent.events.every((e) => e.capturedAt <= call.at)).toBe(true);
      expect(report.consent.status).not.toBe('withdrawn');
      expect(report.policy.presetIds).toEqual(['us-tsr', 'us-tcpa', 'organisation']);
      expect(report.policy).toEqual(effectiveRules(DEFAULT_SETTINGS.policyPresets, DEFAULT_SETTINGS, 'US'));
      // The demo's scrub checked the lead against the versions in force then.
      expect(report.dnc.check).toMatchObject({ lastCheckAt: scrubAt });
      expect(report.dnc.lists.find((l) => l.listId === 'national-us')?.inForce?.id).toBe(2);
      expect(report.frequency.calls.every((c) => c.at < call.at)).toBe(true);
      expect(report.audit.head.seq).toBe(2);
      expect(report.audit.atMoment).toBeNull();

      // The same lead now: withdrawn, under the Florida rules too.
      const now = await loadProof(db, { leadId: call.leadId, at: NOW + 3 }, NOW + 3);
      expect(now!.report.verdict.reasons.map((r) => r.code)).toContain('consent-withdrawn');
      expect(now!.report.policy.presetIds).toContain('florida');
      expect(now!.report.audit.atMoment?.seq).toBe(2);
    },
  );

  it('is null for a call or lead that does not exist', async () => {
    const db = await dbWith(demoSlice());
    expect(await loadProof(db, { callId: 999_999 })).toBeNull();
    expect(await loadProof(db, { leadId: 999_999, at: NOW })).toBeNull();
  });
});
