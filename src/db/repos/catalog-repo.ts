/** Sources and campaigns (reference data). */
import type { Campaign } from '../../domain/catalog/campaign';
import type { Source } from '../../domain/catalog/source';
import { catalogNamesOf, type CatalogNames } from '../../domain/catalog/catalog-names';
import type { LeadsDb } from '../leads-db';

/** Source and campaign names by id, as grid rows and exports write them (a few hundred rows at most). */
export async function catalogNames(db: LeadsDb): Promise<CatalogNames> {
  const [sources, campaigns] = await Promise.all([listSources(db), listCampaigns(db)]);
  return catalogNamesOf(sources, campaigns);
}

export function listSources(db: LeadsDb): Promise<Source[]> {
  return db.sources.orderBy('id').toArray();
}

export function listCampaigns(db: LeadsDb): Promise<Campaign[]> {
  return db.campaigns.orderBy('id').toArray();
}
