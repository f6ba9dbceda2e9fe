import { useMutation } from '@tanstack/react-query';
import { getDb } from '../../../db/leads-db';
import { resetDemoData, startEmpty } from '../../../db/repos/demo-repo';

/** Replace everything with the demo dataset. */
export function useResetDemo() {
  return useMutation({ mutationFn: () => resetDemoData(getDb()) });
}

/** Empty the database and stay empty. */
export function useStartEmpty() {
  return useMutation({ mutationFn: () => startEmpty(getDb()) });
}
