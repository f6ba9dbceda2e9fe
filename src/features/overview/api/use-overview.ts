import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../../db/leads-db';
import { loadComplianceWorld } from '../../../db/repos/compliance-world-repo';
import { verdictsAt } from '../../../domain/compliance/compliance-world';
import { queueCounts, type QueueCounts } from '../../../domain/compliance/queues';
import { cohortKey } from '../../../domain/time/calendar';

export interface OverviewFigures extends QueueCounts {
  at: number;
  acquiredThisMonth: number;
  bySource: { sourceId: string; name: string; count: number }[];
  presets: string[];
}

/** Headline figures for the Overview, recomputed whenever the data changes (in any tab). */
export function useOverview(): OverviewFigures | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const at = Date.now();
    const [{ leads, world, settings }, sources] = await Promise.all([loadComplianceWorld(db), db.sources.toArray()]);
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
      bySource: [...counts].map(([sourceId, count]) => ({ sourceId, name: names.get(sourceId) ?? sourceId, count })).sort((a, b) => b.count - a.count),
      presets: settings.policyPresets,
    };
  }, []);
}
