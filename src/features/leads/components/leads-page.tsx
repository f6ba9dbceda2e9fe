import { Link, getRouteApi } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import type { LeadFilter } from '../../../domain/leads/lead-filter';
import { useIndexVersion, useLeadQuery } from '../../../shared/engine/use-lead-query';
import { hasUnreadableFilter } from '../../../domain/leads/unreadable-params';
import { DEFAULT_COLUMNS, filterOf, type GridColumnId, type LeadsSearch } from '../leads-search';
import { ColumnChooser } from './column-chooser';
import { EngineProgressNote } from './engine-progress-note';
import { FilterBar } from './filter-bar';
import { LeadDrawer, type ConsentPanel } from './lead-drawer';
import { LeadGrid } from './lead-grid';
import { NewLeadDialog } from './new-lead-dialog';
import { SavedViews } from './saved-views';
import { SelectionBar } from './selection-bar';
import { UnreadableParamsAlert } from '../../../shared/unreadable-params-alert';
import { useSelectionStore } from '../model/use-selection';
import { useLiveSearch } from '../model/use-live-search';
import { COMPACT_ROW_HEIGHT, ROW_HEIGHT } from '../model/use-scaled-virtualizer';
import { cachedNumberFormat } from '../../../domain/time/intl-cache';

const route = getRouteApi('/leads');

/** The leads grid screen: filters, counts, selection and bulk actions, the drawer. */
export function LeadsPage({ consentPanel }: { consentPanel: ConsentPanel }) {
  const { t, i18n } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const setSearch = useCallback(
    (patch: Partial<LeadsSearch>, replace = false) => void navigate({ search: (s) => ({ ...s, ...patch }), replace }),
    [navigate],
  );
  const searchToUrl = useCallback((q: string | undefined) => setSearch({ q }, true), [setSearch]);
  const [q, setQ, flushSearch] = useLiveSearch(search.q ?? '', searchToUrl);
  // The URL's filter with the search as typed (the URL follows it after a pause), its text last so
  // that the key does not move when the URL catches up.
  const { q: _urlQ, ...urlFilter } = filterOf(search);
  const live: LeadFilter = q ? { ...urlFilter, q } : urlFilter;
  // The filter as a value: opening a lead or another parameter must not hand every child a new filter.
  const filterKey = JSON.stringify(live);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the filter's value, not the search object's identity
  const filter = useMemo(() => live, [filterKey]);
  const version = useIndexVersion();
  const query = useLeadQuery(filter, search.sort, version);
  const store = useSelectionStore(filterKey, version);
  const columns = search.cols ?? DEFAULT_COLUMNS;
  const nf = cachedNumberFormat(i18n.language);
  // A filter of the link that could not be read: list nothing rather than a wider list.
  const filterHidden = hasUnreadableFilter(search.unreadable);

  const onFilter = useCallback(
    (patch: Partial<LeadFilter>) => {
      // Clear filters empties the box too, even before the URL had taken what was typed.
      if ('q' in patch) setQ(patch.q ?? '');
      setSearch(patch);
    },
    [setSearch, setQ],
  );
  const onSort = useCallback((sort: string | undefined) => setSearch({ sort }), [setSearch]);
  const onOpen = useCallback((lead: number) => setSearch({ lead }), [setSearch]);
  const onApplyView = useCallback(
    (s: LeadsSearch) => {
      // The view's search, even over text typed a moment ago that the URL has not taken yet.
      setQ(s.q ?? '');
      void navigate({ search: s });
    },
    [navigate, setQ],
  );
  const onColumns = useCallback((cols: GridColumnId[] | undefined) => setSearch({ cols }), [setSearch]);

  return (
    <div className="flex h-[calc(100vh-3rem)] flex-col">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t('leads.title')}</h1>
          <p className="text-sm text-slate-500" role="status" aria-live="polite">
            {filterHidden ? null : query.data ? (
              <>
                <span data-testid="grid-count" className="font-semibold text-slate-800">
                  {nf.format(query.data.count)}
                </span>{' '}
                {t('leads.ofTotal', { total: nf.format(query.data.total) })}
                <span className="ml-2 text-xs text-slate-500">
                  {t('leads.answeredIn', { ms: query.data.ms.toFixed(1) })}
                </span>
                <span
                  className="ml-2 text-xs text-slate-500"
                  data-testid="engine-note"
                  data-snapshot={query.data.engine.snapshot}
                  data-rows-read={query.data.engine.rowsRead}
                  data-rows-handed={query.data.engine.rowsHanded ?? 0}
                  data-save-failed={query.data.engine.snapshotSaveFailed}
                >
                  {query.data.engine.snapshot === 'used' || query.data.engine.snapshot === 'caught-up'
                    ? t('leads.engine.fromSnapshot', {
                        ms: Math.round(query.data.engine.buildMs),
                        rejudged: nf.format(query.data.engine.rowsRejudged + query.data.engine.rowsCaughtUp),
                      })
                    : t('leads.engine.built', {
                        rows: nf.format(query.data.engine.rowsRead),
                        s: (query.data.engine.buildMs / 1000).toFixed(1),
                      })}
                </span>
              </>
            ) : (
              <EngineProgressNote />
            )}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <SavedViews search={search} onApply={onApplyView} />
          <ColumnChooser columns={columns} onChange={onColumns} />
          <Button
            aria-pressed={search.density === 'compact'}
            onClick={() => setSearch({ density: search.density === 'compact' ? undefined : 'compact' })}
          >
            {t('leads.compact')}
          </Button>
          {!filterHidden && (
            <Link
              to="/export"
              search={filter}
              className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50"
            >
              {t('leads.export')}
            </Link>
          )}
          <Button variant="primary" onClick={() => setSearch({ create: true })}>
            {t('leads.newLead')}
          </Button>
        </div>
      </div>
      {search.unreadable && (
        <UnreadableParamsAlert
          params={search.unreadable}
          consequence={filterHidden ? t('leads.unreadable.filterHidden') : undefined}
          onRemove={() => setSearch({ unreadable: undefined })}
        />
      )}
      <FilterBar filter={filter} version={version} onChange={onFilter} onSearch={setQ} onSearchDone={flushSearch} />
      {!filterHidden && (
        <>
          <SelectionBar store={store} filter={filter} sort={search.sort} />
          <LeadGrid
            filter={filter}
            sort={search.sort}
            version={version}
            count={query.data?.count ?? 0}
            answered={query.data !== undefined && !query.isPlaceholderData}
            columns={columns}
            store={store}
            onSort={onSort}
            onOpen={onOpen}
            rowHeight={search.density === 'compact' ? COMPACT_ROW_HEIGHT : ROW_HEIGHT}
          />
        </>
      )}
      {search.lead !== undefined && (
        <LeadDrawer leadId={search.lead} onClose={() => setSearch({ lead: undefined })} consentPanel={consentPanel} />
      )}
      {search.create && <NewLeadDialog onClose={(id) => setSearch({ create: undefined, lead: id })} />}
    </div>
  );
}
