import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../../db/leads-db';
import { getRememberedMapping, loadImportContext } from '../../../db/repos/import-lookup-repo';

/** Settings, sources and campaigns the wizard offers as defaults. */
export function useImportContext() {
  return useLiveQuery(() => loadImportContext(getDb()), []);
}

/** The mapping remembered from the last import of this kind from this source (null: none). */
export function useRememberedMapping(kind: string, sourceId: string | null) {
  return useLiveQuery(() => getRememberedMapping(getDb(), kind, sourceId), [kind, sourceId]);
}
