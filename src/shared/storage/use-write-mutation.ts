import { useMutation, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';
import { splitWriteError } from '../../db/storage-errors';

export type WriteMutationResult<TData, TVariables> = Omit<UseMutationResult<TData, Error, TVariables>, 'error'> & {
  /** The browser refused the write for lack of space: show <StorageFullAlert />, nothing else. */
  storageFull: boolean;
  /** Any other failure, for the form to show where it belongs; never a quota error. */
  error: Error | null;
};

/**
 * `useMutation` for every write a form starts. A full disk is one thing on every screen — the
 * storage-full alert — and says nothing about the input, so it is split off here, once, instead
 * of each form guessing from the error's code or printing its message ("Not a valid phone
 * number." or "QuotaExceededError" for a valid number on a full disk). Forms read `storageFull`
 * and `error` from the result, not from a per-call `onError`, which still sees the raw error.
 */
export function useWriteMutation<TData, TVariables>(
  options: UseMutationOptions<TData, Error, TVariables>,
): WriteMutationResult<TData, TVariables> {
  const mutation = useMutation(options);
  return { ...mutation, ...splitWriteError(mutation.error) };
}
