import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { getDb } from '../../db/leads-db';
import { listCampaigns, listSources } from '../../db/repos/catalog-repo';
import { catalogNamesOf, type CatalogNames } from '../../domain/catalog/catalog-names';

/** Sources and campaigns, live. */
export function useCatalog() {
  return useLiveQuery(async () => {
    const db = getDb();
    const [sources, campaigns] = await Promise.all([listSources(db), listCampaigns(db)]);
    return { sources, campaigns };
  }, []);
}

/** Source and campaign id → display name, live. */
export function useCatalogNames(): CatalogNames {
  const catalog = useCatalog();
  return useMemo(() => catalogNamesOf(catalog?.sources ?? [], catalog?.campaigns ?? []), [catalog]);
}

/** Source id → display name. */
export function useSourceNames(): ReadonlyMap<string, string> {
  return useCatalogNames().sources;
}
