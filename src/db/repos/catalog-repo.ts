/** Sources and campaigns (reference data). */
import type { Campaign } from '../../domain/catalog/campaign';
import type { Source } from '../../domain/catalog/source';
import type { LeadsDb } from '../leads-db';

export function listSources(db: LeadsDb): Promise<Source[]> {
  return db.sources.orderBy('id').toArray();
}

export function listCampaigns(db: LeadsDb): Promise<Campaign[]> {
  return db.campaigns.orderBy('id').toArray();
}
