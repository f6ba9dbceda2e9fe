import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../../db/leads-db';
import { getLeadsByIds, loadWorldFor } from '../../../db/repos/lead-history-repo';
import { getSettings } from '../../../db/repos/settings-repo';
import { historyFor, rulesByRegion } from '../../../domain/compliance/compliance-world';
import { consentFilterState, dncFilterState } from '../../../domain/compliance/lead-facts';
import { verdict } from '../../../domain/compliance/verdict';
import type { Verdict } from '../../../domain/compliance/verdict-types';
import type { Lead } from '../../../domain/leads/lead';
import type { ConsentFilterState, DncFilterState } from '../../../domain/leads/lead-filter';

export interface GridRow {
  lead: Lead;
  verdict: Verdict;
  consent: ConsentFilterState;
  dnc: DncFilterState;
}

/** The visible rows, live: the leads by id with their verdict now (reasons and dates). */
export function useGridRows(ids: readonly number[]): Map<number, GridRow> | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const [leads, settings] = await Promise.all([getLeadsByIds(db, ids), getSettings(db)]);
    const world = await loadWorldFor(db, leads);
    const rulesFor = rulesByRegion(settings);
    const at = Date.now();
    const out = new Map<number, GridRow>();
    for (const lead of leads) {
      const history = historyFor(world, lead);
      const rules = rulesFor(lead.region);
      const v = verdict(lead, history, rules, at);
      out.set(lead.id, { lead, verdict: v, consent: consentFilterState(history, rules, at), dnc: dncFilterState(lead, v) });
    }
    return out;
  }, [ids.join(',')]);
}
