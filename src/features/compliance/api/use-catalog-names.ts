import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { getDb } from '../../../db/leads-db';
import { listCampaigns, listSources } from '../../../db/repos/catalog-repo';

/** Source and campaign id → display name, live. */
export function useCatalogNames(): { sources: Map<string, string>; campaigns: Map<string, string> } {
  const catalog = useLiveQuery(async () => {
    const db = getDb();
    const [sources, campaigns] = await Promise.all([listSources(db), listCampaigns(db)]);
    return { sources, campaigns };
  }, []);
  return useMemo(
    () => ({
      sources: new Map((catalog?.sources ?? []).map((s) => [s.id, s.name])),
      campaigns: new Map((catalog?.campaigns ?? []).map((c) => [c.id, c.name])),
    }),
    [catalog],
  );
}
