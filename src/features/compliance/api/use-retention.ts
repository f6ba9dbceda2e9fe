import { useMutation } from '@tanstack/react-query';
import type { PurgeMode, PurgePlan } from '../../../domain/compliance/retention-plan';
import { gridWorker } from '../../../shared/engine/grid-worker';
import { complianceWorker } from './compliance-worker';

/**
 * The dry run: who would go, and what the figures would lose. Read off the engine's columns; a
 * lead whose cached judgement does not reach the dry run's instant is judged again by key.
 */
export function useRetentionDryRun() {
  return useMutation({
    mutationFn: ({ mode }: { mode: PurgeMode }) => gridWorker().retentionPlan(Date.now(), mode),
  });
}

/** The purge of exactly what the dry run showed (refused if the data changed meanwhile). */
export function usePurge() {
  return useMutation({
    mutationFn: (input: { plan: PurgePlan }) => complianceWorker().purge(input, Date.now()),
  });
}
