import { useMutation } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../../db/leads-db';
import { deleteView, listSavedViews, saveView } from '../../../db/repos/saved-views-repo';

export function useSavedViews() {
  return useLiveQuery(() => listSavedViews(getDb()), []);
}

export function useSaveView() {
  return useMutation({
    mutationFn: ({ name, search }: { name: string; search: Record<string, unknown> }) =>
      saveView(getDb(), name, search),
  });
}

export function useDeleteView() {
  return useMutation({ mutationFn: (id: number) => deleteView(getDb(), id) });
}
