/** The Overview's headline figures from the whole population, as of `at` (pure; runs in the compliance worker). */
import type { Source } from '../catalog/source';
import type { ComplianceWorld } from '../compliance/compliance-world';
import { verdictsAt } from '../compliance/judge';
import { queueCounts, type QueueCounts } from '../compliance/queues';
import type { Lead } from '../leads/lead';
import type { Settings } from '../settings/settings';
import { cohortKey } from '../time/calendar';

export interface OverviewFigures extends QueueCounts {
  at: number;
  acquiredThisMonth: number;
  bySource: { sourceId: string; name: string; count: number }[];
  presets: string[];
}

export function overviewFigures(
  leads: readonly Lead[],
  world: ComplianceWorld,
  settings: Settings,
  sources: readonly Pick<Source, 'id' | 'name'>[],
  at: number,
): OverviewFigures {
  const month = cohortKey(at, 'month', settings.orgTimeZone);
  const counts = new Map<string, number>();
  let acquiredThisMonth = 0;
  for (const lead of leads) {
    counts.set(lead.sourceId, (counts.get(lead.sourceId) ?? 0) + 1);
    if (cohortKey(lead.acquiredAt, 'month', settings.orgTimeZone) === month) acquiredThisMonth++;
  }
  const names = new Map(sources.map((s) => [s.id, s.name]));
  return {
    at,
    ...queueCounts(verdictsAt(leads, world, settings, at)),
    acquiredThisMonth,
    bySource: [...counts]
      .map(([sourceId, count]) => ({ sourceId, name: names.get(sourceId) ?? sourceId, count }))
      .sort((a, b) => b.count - a.count || a.sourceId.localeCompare(b.sourceId)),
    presets: settings.policyPresets,
  };
}
