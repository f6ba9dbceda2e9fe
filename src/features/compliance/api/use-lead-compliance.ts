import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../../db/leads-db';
import { recordConsent } from '../../../db/repos/consent-repo';
import { addToInternalDnc } from '../../../db/repos/dnc-repo';
import { loadLeadCompliance, type LeadCompliance } from '../../../db/repos/lead-compliance-repo';
import type { ConsentInput } from '../../../domain/compliance/consent-input';
import { useWriteMutation } from '../../../shared/storage/use-write-mutation';
import { useMinute } from '../../../shared/engine/data-signal';

/** One lead's consent events, consent state and verdict now; live (null: no such lead). */
export function useLeadCompliance(leadId: number): LeadCompliance | null | undefined {
  const minute = useMinute();
  return useLiveQuery(() => loadLeadCompliance(getDb(), leadId, Date.now()), [leadId, minute]);
}

/** Capture, renew or withdraw consent (validated, audited). */
export function useRecordConsent() {
  return useWriteMutation({ mutationFn: (input: ConsentInput) => recordConsent(getDb(), input) });
}

/** Put the lead's own number (already E.164, so its region only matters for the parser) on the internal list. */
export function useAddLeadToInternalDnc() {
  return useWriteMutation({
    mutationFn: ({ phoneE164, region, note }: { phoneE164: string; region: string; note?: string }) =>
      addToInternalDnc(getDb(), {
        phone: phoneE164,
        defaultRegion: /^[A-Z]{2}$/.test(region) && region !== 'ZZ' ? region : 'US',
        ...(note ? { note } : {}),
      }),
  });
}
