import { useMutation, useQuery } from '@tanstack/react-query';
import { getDb } from '../../../db/leads-db';
import { forgetPerson, forgetPreview } from '../../../db/repos/forget-person-repo';

/** What forgetting the lead would remove (read when the confirm dialog opens). */
export function useForgetPreview(leadId: number) {
  return useQuery({
    queryKey: ['forget-preview', leadId],
    queryFn: () => forgetPreview(getDb(), leadId),
    networkMode: 'always',
    gcTime: 0,
    staleTime: 0,
  });
}

/**
 * Forget the person everywhere, in one transaction. `onForgotten` is given here, not to
 * `mutate`: the drawer holding the dialog unmounts as soon as the lead is gone.
 */
export function useForgetPerson(onForgotten: () => void) {
  return useMutation({
    mutationFn: (leadId: number) => forgetPerson(getDb(), leadId),
    networkMode: 'always',
    onSuccess: onForgotten,
  });
}
