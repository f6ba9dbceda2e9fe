import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/leads-db';
import { mayRemoveLead } from '../../db/repos/sync-state-repo';

/**
 * Whether the user may remove this lead (delete or forget it): false only in team mode, for a lead
 * the team holds, when the user's role may not remove the team's leads. Undefined while loading.
 */
export function useMayRemoveLead(leadId: number): boolean | undefined {
  return useLiveQuery(() => mayRemoveLead(getDb(), leadId), [leadId]);
}
