import { useMutation } from '@tanstack/react-query';
import type { PurgeMode } from '../../../domain/compliance/retention-plan';
import { complianceWorker } from './compliance-worker';

/** The dry run: who would go, and what the figures would lose. */
export function useRetentionDryRun() {
  return useMutation({
    mutationFn: ({ mode }: { mode: PurgeMode }) => complianceWorker().retentionDryRun(Date.now(), mode),
  });
}

/** The purge of exactly what the dry run showed (refused if the data changed meanwhile). */
export function usePurge() {
  return useMutation({
    mutationFn: (input: { at: number; mode: PurgeMode; expected: number }) =>
      complianceWorker().purge(input, Date.now()),
  });
}
