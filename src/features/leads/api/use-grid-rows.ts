import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../../db/leads-db';
import { getLeadsByIds, loadWorldFor } from '../../../db/repos/lead-history-repo';
import { getSettings } from '../../../db/repos/settings-repo';
import { createJudge } from '../../../domain/compliance/judge';
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
    const judge = createJudge(world, settings);
    const at = Date.now();
    const out = new Map<number, GridRow>();
    for (const lead of leads) {
      const j = judge(lead, at);
      out.set(lead.id, { lead, verdict: j.verdict, consent: j.consent, dnc: j.dnc });
    }
    return out;
  }, [ids.join(',')]);
}
