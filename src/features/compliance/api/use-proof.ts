import { useQuery } from '@tanstack/react-query';
import { getDb } from '../../../db/leads-db';
import { callsOfLead, loadProof, type ProofTarget } from '../../../db/repos/proof-repo';
import { useDataVersion } from '../../../shared/engine/data-signal';

/** The point-in-time proof for a lead at an instant, or for a call (null: not found). */
export function useProof(target: ProofTarget | null) {
  const version = useDataVersion();
  return useQuery({
    queryKey: ['proof', target, version],
    queryFn: () => loadProof(getDb(), target!),
    enabled: target !== null,
  });
}

/** A lead's calls, newest first, to open the proof of one. */
export function useLeadCalls(leadId: number | undefined) {
  return useQuery({
    queryKey: ['lead-calls', leadId],
    queryFn: () => callsOfLead(getDb(), leadId!),
    enabled: leadId !== undefined,
  });
}
