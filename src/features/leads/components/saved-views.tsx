import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { inputClass } from '../../../components/ui/field';
import { ToolbarPopover } from '../../../components/ui/popover-panel';
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
    <ToolbarPopover
      label={`${t('leads.savedViews')} ${views?.length ? `(${views.length})` : ''}`}
      panelClassName="w-80 p-3"
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
    </ToolbarPopover>
  );
});
