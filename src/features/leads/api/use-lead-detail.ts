import { useMutation } from '@tanstack/react-query';
import { getLead } from '../../../db/repos/leads-repo';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../../db/leads-db';
import { auditForLead } from '../../../db/repos/audit-repo';
import { createLead, updateLead } from '../../../db/repos/leads-repo';
import { worldByKey } from '../../../db/repos/world-by-key';
import { getSettings } from '../../../db/repos/settings-repo';
import { createJudge } from '../../../domain/compliance/judge';
import type { LeadPatch, NewLead } from '../../../domain/leads/lead';
import { buildLeadTimeline } from '../../../domain/leads/lead-timeline';
import { leadLifecycle, suppressionFromReasons } from '../../../domain/leads/lifecycle-facts';
import { dormantPeriodMs } from '../../../domain/leads/lifecycle-stage';
import { lifecycleTransitions } from '../../../domain/leads/lifecycle-transitions';

/** One lead with its verdict now, its history and its timeline, live. */
export function useLeadDetail(id: number) {
  return useLiveQuery(async () => {
    const db = getDb();
    const lead = await getLead(db, id);
    if (!lead) return null;
    const [settings, world, audit] = await Promise.all([getSettings(db), worldByKey(db, [lead]), auditForLead(db, id)]);
    const now = Date.now();
    const { judgement, history } = createJudge(world, settings).withHistory(lead, now);
    const v = judgement.verdict;
    // The lifecycle stage reads the same verdict (its suppression reasons) at the same instant.
    const dormantMs = dormantPeriodMs(settings.dormantDays);
    const lifecycle = {
      ...leadLifecycle(lead, v.reasons, now, dormantMs),
      dormantDays: settings.dormantDays,
      causes: suppressionFromReasons(v.reasons)?.causes ?? [],
    };
    const stages = lifecycleTransitions(
      lead.acquiredAt,
      history.calls,
      suppressionFromReasons(v.reasons),
      now,
      dormantMs,
    );
    return { lead, verdict: v, history, lifecycle, timeline: buildLeadTimeline(lead, history, audit, stages) };
  }, [id]);
}

export function useUpdateLead() {
  return useMutation({
    mutationFn: ({ id, patch, reason }: { id: number; patch: LeadPatch; reason?: string }) =>
      updateLead(getDb(), id, patch, reason),
  });
}

export function useCreateLead() {
  return useMutation({ mutationFn: (lead: NewLead) => createLead(getDb(), lead) });
}
