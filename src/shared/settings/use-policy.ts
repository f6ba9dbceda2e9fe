import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/leads-db';
import { getSettings, saveSettings } from '../../db/repos/settings-repo';
import type { Settings } from '../../domain/settings/settings';
import { useWriteMutation } from '../storage/use-write-mutation';

/** The organisation settings the policy reads; live. */
export function usePolicySettings(): Settings | undefined {
  return useLiveQuery(() => getSettings(getDb()), []);
}

/** Save a policy change (validated and audited by the settings repository). */
export function useSavePolicy() {
  return useWriteMutation({ mutationFn: (patch: Partial<Settings>) => saveSettings(getDb(), patch) });
}
