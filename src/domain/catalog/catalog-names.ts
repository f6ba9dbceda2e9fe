/** Source and campaign names by id: how screens, grid rows and exports name what a lead came from. */
import type { Campaign } from './campaign';
import type { Source } from './source';

export interface CatalogNames {
  sources: ReadonlyMap<string, string>;
  campaigns: ReadonlyMap<string, string>;
}

/** The names of the catalogue's sources and campaigns, by id. */
export function catalogNamesOf(
  sources: readonly Pick<Source, 'id' | 'name'>[],
  campaigns: readonly Pick<Campaign, 'id' | 'name'>[],
): CatalogNames {
  return {
    sources: new Map(sources.map((s) => [s.id, s.name])),
    campaigns: new Map(campaigns.map((c) => [c.id, c.name])),
  };
}
