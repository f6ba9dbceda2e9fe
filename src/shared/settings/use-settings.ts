import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/leads-db';
import { getSettings, saveSettings } from '../../db/repos/settings-repo';
import type { Settings } from '../../domain/settings/settings';
import { useWriteMutation } from '../storage/use-write-mutation';

/** The organisation settings, live (any tab's change shows at once). */
export function useSettings(): Settings | undefined {
  return useLiveQuery(() => getSettings(getDb()), []);
}

/** Save a validated settings change (audited). */
export function useSaveSettings() {
  return useWriteMutation({ mutationFn: (patch: Partial<Settings>) => saveSettings(getDb(), patch) });
}
