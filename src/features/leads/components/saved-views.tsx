import { Popover } from 'radix-ui';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { inputClass } from '../../../components/ui/field';
import { leadsSearchSchema, type LeadsSearch } from '../leads-search';
import { useDeleteView, useSaveView, useSavedViews } from '../api/use-saved-views';

/** Named filter sets stored in the database. */
export const SavedViews = memo(function SavedViews({
  search,
  onApply,
}: {
  search: LeadsSearch;
  onApply: (s: LeadsSearch) => void;
}) {
  const { t } = useTranslation();
  const views = useSavedViews();
  const save = useSaveView();
  const remove = useDeleteView();
  const [name, setName] = useState('');
  const { lead: _lead, create: _create, ...viewSearch } = search;
  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <button
          type="button"
          className="rounded-md bg-white px-3 py-1.5 text-sm text-slate-700 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50"
        >
          {t('leads.savedViews')} {views?.length ? `(${views.length})` : ''}
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={4}
          className="z-50 w-80 rounded-lg border border-slate-200 bg-white p-3 shadow-lg"
        >
          <ul className="mb-3 max-h-64 space-y-1 overflow-auto" aria-label={t('leads.savedViews')}>
            {views?.length === 0 && <li className="text-sm text-slate-500">{t('leads.noViews')}</li>}
            {views?.map((v) => (
              <li key={v.id} className="flex items-center justify-between gap-2">
                <button
                  type="button"
                  className="truncate text-left text-sm text-indigo-700 hover:underline"
                  onClick={() => onApply(leadsSearchSchema.parse(v.search))}
                >
                  {v.name}
                </button>
                <button
                  type="button"
                  aria-label={t('leads.deleteView', { name: v.name })}
                  className="text-xs text-slate-500 hover:text-rose-700"
                  onClick={() => remove.mutate(v.id)}
                >
                  ✕
                </button>
              </li>
            ))}
          </ul>
          <form
            className="flex gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              if (name.trim()) save.mutate({ name, search: viewSearch }, { onSuccess: () => setName('') });
            }}
          >
            <input
              aria-label={t('leads.viewName')}
              placeholder={t('leads.viewName')}
              className={inputClass}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
            <Button type="submit" variant="primary" disabled={!name.trim()}>
              {t('leads.saveView')}
            </Button>
          </form>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
});
