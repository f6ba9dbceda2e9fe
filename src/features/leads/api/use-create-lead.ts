import { getDb } from '../../../db/leads-db';
import { createLead } from '../../../db/repos/leads-repo';
import type { NewLead } from '../../../domain/leads/lead';
import { useWriteMutation } from '../../../shared/storage/use-write-mutation';

/** Create one lead by hand (audited); a full disk is reported as `storageFull`, not as a field error. */
export function useCreateLead() {
  return useWriteMutation({ mutationFn: (lead: NewLead) => createLead(getDb(), lead) });
}
