import { useMutation } from '@tanstack/react-query';
import type { PurgeMode, PurgePlan } from '../../../domain/compliance/retention-plan';
import { gridWorker } from '../../../shared/engine/grid-worker';
import { complianceWorker } from './compliance-worker';

/**
 * The dry run: who would go, and what the figures would lose. Read off the engine's columns (no
 * lead read or judged); from the tables only when some lead's cached judgement is due.
 */
export function useRetentionDryRun() {
  return useMutation({
    mutationFn: async ({ mode }: { mode: PurgeMode }) => {
      const at = Date.now();
      return (await gridWorker().retentionPlan(at, mode)) ?? complianceWorker().retentionDryRun(at, mode);
    },
  });
}

/** The purge of exactly what the dry run showed (refused if the data changed meanwhile). */
export function usePurge() {
  return useMutation({
    mutationFn: (input: { plan: PurgePlan }) => complianceWorker().purge(input, Date.now()),
  });
}
