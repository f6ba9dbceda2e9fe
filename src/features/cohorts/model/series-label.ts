/** Human names of split values: source and campaign names, localised region names, entry methods. */
import type { CohortSplit } from '../../../domain/cohorts/cohort-aggregate';
import { OTHER_SERIES } from '../../../domain/cohorts/top-series';
import type { SnapshotMeta } from '../../../workers/cohort-answers';

type Translate = (key: string, options?: Record<string, unknown>) => string;

export function makeSeriesLabel(
  split: CohortSplit,
  meta: SnapshotMeta | undefined,
  lang: string,
  t: Translate,
): (id: string) => string {
  const sources = new Map(meta?.sources.map((s) => [s.id, s.name]));
  const campaigns = new Map(meta?.campaigns.map((c) => [c.id, c.name]));
  let regions: Intl.DisplayNames | null = null;
  try {
    regions = new Intl.DisplayNames([lang], { type: 'region' });
  } catch {
    regions = null;
  }
  return (id) => {
    if (id === OTHER_SERIES) return t('cohorts.legible.other');
    if (split === 'none') return t('cohorts.allLeads');
    if (id === '') return t('cohorts.none');
    if (split === 'source') return sources.get(id) ?? id;
    if (split === 'campaign') return campaigns.get(id) ?? id;
    if (split === 'entry') return t(`cohorts.entry.${id}`, { defaultValue: id });
    try {
      return regions?.of(id) ?? id;
    } catch {
      return id;
    }
  };
}
