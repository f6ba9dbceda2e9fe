import { useMutation, useQuery } from '@tanstack/react-query';
import { rethrowStorageError } from '../../../db/storage-errors';
import { bulkEditWorker } from './bulk-edit-worker';

/** What forgetting the lead would remove (read in the lead-writes worker when the confirm dialog opens). */
export function useForgetPreview(leadId: number) {
  return useQuery({
    queryKey: ['forget-preview', leadId],
    queryFn: () => bulkEditWorker().forgetPreview(leadId),
    networkMode: 'always',
    gcTime: 0,
    staleTime: 0,
  });
}

/**
 * Forget the person everywhere, in one transaction in the lead-writes worker (the page only
 * waits). `onForgotten` is given here, not to `mutate`: the drawer holding the dialog unmounts
 * as soon as the lead is gone.
 */
export function useForgetPerson(onForgotten: () => void) {
  return useMutation({
    mutationFn: (leadId: number) => bulkEditWorker().forget(leadId, Date.now()).catch(rethrowStorageError),
    networkMode: 'always',
    onSuccess: onForgotten,
  });
}
