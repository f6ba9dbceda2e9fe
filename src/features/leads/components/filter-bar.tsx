import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MultiSelect, type Option } from '../../../components/ui/multi-select';
import { REASON_CODES } from '../../../domain/compliance/verdict-types';
import { ENTRY_METHODS } from '../../../domain/leads/lead';
import { LIFECYCLE_STAGES } from '../../../domain/leads/lifecycle-stage';
import {
  CONSENT_FILTER_STATES,
  DNC_FILTER_STATES,
  SEARCH_MAX,
  isEmptyFilter,
  type LeadFilter,
} from '../../../domain/leads/lead-filter';
import { useFacets } from '../../../shared/engine/use-lead-query';
import { useSourceNames } from '../../../shared/catalog/use-catalog';

const SECONDARY = [
  'entry',
  'region',
  'reason',
  'cohort',
  'acquiredFrom',
  'acquiredTo',
  'notVerifiedMonths',
] as const satisfies readonly (keyof LeadFilter)[];

/** The filters that pick values from a list (one multi-select each, test id `filter-<key>`). */
type ListFilter = 'source' | 'campaign' | 'stage' | 'consent' | 'dnc' | 'tags' | 'entry' | 'region' | 'reason';
type ListFilterSpec = [key: ListFilter, label: string, options: Option[]];

const input =
  'rounded-md border-0 px-2.5 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600';

/** Every filter of the grid; each change goes to the URL (the search after a pause in typing). */
export const FilterBar = memo(function FilterBar({
  filter,
  version,
  onChange,
  onSearch,
  onSearchDone,
}: {
  /** The filter as the grid asks for it: its search is the box's text as typed (use-live-search.ts). */
  filter: LeadFilter;
  version: number;
  onChange: (patch: Partial<LeadFilter>) => void;
  /** Each keystroke in the search box. */
  onSearch: (q: string) => void;
  /** The search box left: the URL takes its text now. */
  onSearchDone: () => void;
}) {
  const { t } = useTranslation();
  const facets = useFacets(version).data;
  const sourceNames = useSourceNames();
  // The filters used less often wait behind "More filters" (open when one of them is set): the grid starts higher up.
  const secondaryActive = SECONDARY.filter(
    (k) => filter[k] !== undefined && !(Array.isArray(filter[k]) && filter[k].length === 0),
  ).length;
  const [more, setMore] = useState(secondaryActive > 0);
  // The lists' labels and options change with the language and the values stored, not with the
  // filter: built once for those (their translations were 4 ms of every filter's render at 100k).
  const [primary, secondary] = useMemo(() => {
    const opts = (values: readonly string[], prefix?: string, names?: ReadonlyMap<string, string>) =>
      values.map((v) => ({ value: v, label: names?.get(v) ?? (prefix ? t(`${prefix}.${v}`) : v) }));
    const primary: ListFilterSpec[] = [
      ['source', t('leads.col.source'), opts(facets?.sources ?? [], undefined, sourceNames)],
      ['campaign', t('leads.col.campaign'), opts(facets?.campaigns ?? [])],
      ['stage', t('leads.col.stage'), opts(LIFECYCLE_STAGES, 'lifecycle.stage')],
      ['consent', t('leads.col.consent'), opts(CONSENT_FILTER_STATES, 'leads.consentState')],
      ['dnc', t('leads.col.dnc'), opts(DNC_FILTER_STATES, 'leads.dncState')],
      ['tags', t('leads.col.tags'), opts(facets?.tags ?? [])],
    ];
    const secondary: ListFilterSpec[] = [
      ['entry', t('leads.entry'), opts(ENTRY_METHODS, 'leads.entryMethod')],
      ['region', t('leads.region'), opts(facets?.regions ?? [])],
      ['reason', t('leads.reasonFilter'), opts(REASON_CODES, 'reason')],
    ];
    return [primary, secondary];
  }, [t, facets, sourceNames]);
  // A list filter's values are the options' values, so they are the filter's own type.
  const list = ([key, label, options]: ListFilterSpec) => (
    <MultiSelect
      key={key}
      testId={`filter-${key}`}
      label={label}
      options={options}
      value={filter[key]}
      onChange={(v) => onChange({ [key]: v })}
    />
  );
  return (
    // Painted after the grid (z-[2]): the search box's caret is a layer of its own, and rows painted after it
    // were given layers too, two a row, all rastered again before the next frame (decision 071).
    <div className="relative z-[2] mb-2 space-y-2" role="search" aria-label={t('leads.filters')}>
      <div className="flex flex-wrap items-center gap-2">
        <input
          type="search"
          // The URL keeps at most this much of a search (lead-filter.ts): more would make the link unreadable.
          maxLength={SEARCH_MAX}
          aria-label={t('leads.search')}
          placeholder={t('leads.searchPlaceholder')}
          value={filter.q ?? ''}
          onChange={(e) => onSearch(e.target.value)}
          onBlur={onSearchDone}
          className={`${input} w-64`}
        />
        {primary.map(list)}
        <label className="flex items-center gap-1.5 text-sm text-slate-600">
          {t('leads.callableFilter')}
          <select
            className={input}
            value={filter.callable ?? ''}
            onChange={(e) => onChange({ callable: (e.target.value || undefined) as LeadFilter['callable'] })}
          >
            <option value="">{t('leads.any')}</option>
            <option value="yes">{t('leads.yes')}</option>
            <option value="no">{t('leads.no')}</option>
          </select>
        </label>
        <button
          type="button"
          aria-expanded={more}
          aria-controls="more-filters"
          onClick={() => setMore(!more)}
          className="rounded-md px-2 py-1.5 text-sm font-medium text-indigo-700 hover:bg-indigo-50"
        >
          {t('leads.moreFilters')}
          {secondaryActive > 0 && ` (${secondaryActive})`} {more ? '▴' : '▾'}
        </button>
        {!isEmptyFilter(filter) && (
          <button
            type="button"
            className="text-sm text-indigo-700 hover:underline"
            onClick={() => onChange(Object.fromEntries(Object.keys(filter).map((k) => [k, undefined])))}
          >
            {t('leads.clearFilters')}
          </button>
        )}
      </div>
      <div id="more-filters" hidden={!more} className="flex flex-wrap items-center gap-2">
        {secondary.map(list)}
        <label className="flex items-center gap-1.5 text-sm text-slate-600">
          {t('leads.cohort')}
          <input
            className={`${input} w-28`}
            placeholder="2026-03"
            value={filter.cohort ?? ''}
            onChange={(e) =>
              onChange({
                cohort: /^\d{4}-(\d{2}(-\d{2})?|W\d{2}|Q[1-4])$/.test(e.target.value) ? e.target.value : undefined,
              })
            }
          />
        </label>
        <label className="flex items-center gap-1.5 text-sm text-slate-600">
          {t('leads.acquiredFrom')}
          <input
            type="date"
            className={input}
            value={filter.acquiredFrom ?? ''}
            onChange={(e) => onChange({ acquiredFrom: e.target.value || undefined })}
          />
        </label>
        <label className="flex items-center gap-1.5 text-sm text-slate-600">
          {t('leads.acquiredTo')}
          <input
            type="date"
            className={input}
            value={filter.acquiredTo ?? ''}
            onChange={(e) => onChange({ acquiredTo: e.target.value || undefined })}
          />
        </label>
        <label className="flex items-center gap-1.5 text-sm text-slate-600">
          {t('leads.notVerified')}
          <input
            type="number"
            min={1}
            max={240}
            className={`${input} w-20`}
            value={filter.notVerifiedMonths ?? ''}
            onChange={(e) => onChange({ notVerifiedMonths: e.target.value ? Number(e.target.value) : undefined })}
          />
        </label>
      </div>
    </div>
  );
});
