/**
 * Column definitions of the leads grid, outside any component (TanStack Table v9). The table
 * only ever holds the rows on screen; the worker's index answers filter and sort.
 */
import { columnOrderingFeature, columnResizingFeature, columnSizingFeature, columnVisibilityFeature, createColumnHelper, tableFeatures } from '@tanstack/react-table';
import { createContext, useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../../domain/leads/phone';
import { formatAge, formatDuration } from '../../../domain/time/format-age';
import type { GridRow } from '../api/use-grid-rows';
import type { GridColumnId } from '../leads-search';
import { ConsentPill, DncPill, Tags, VerdictBadge } from './grid-cells';

export const gridFeatures = tableFeatures({ columnSizingFeature, columnResizingFeature, columnVisibilityFeature, columnOrderingFeature });
const helper = createColumnHelper<typeof gridFeatures, GridRow>();

/** Column id → the sort key it sorts by (columns without one are not sortable). */
export const SORTABLE: Partial<Record<GridColumnId, string>> = {
  name: 'name',
  source: 'source',
  acquiredAt: 'acquiredAt',
  createdAt: 'createdAt',
  dataAge: 'dataAge',
  lastContact: 'lastContactAt',
  attempts: 'attempts',
};

function Header({ id }: { id: GridColumnId }) {
  const { t } = useTranslation();
  return <>{t(`leads.col.${id}`)}</>;
}

function DateCell({ ms, withAge = false }: { ms: number | undefined; withAge?: boolean }) {
  const { t, i18n } = useTranslation();
  const [now] = useState(() => Date.now());
  if (ms === undefined) return <span className="text-slate-300">—</span>;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(ms);
  return (
    <span className="whitespace-nowrap tabular-nums" title={new Date(ms).toISOString()}>
      {date}
      {withAge && <span className="ml-1.5 text-xs text-slate-400">{formatAge(ms, now, t)}</span>}
    </span>
  );
}

/** Source and campaign display names, provided once by the page (cells must not query). */
export const CatalogNames = createContext<{ sources: Map<string, string>; campaigns: Map<string, string> }>({ sources: new Map(), campaigns: new Map() });

function SourceCell({ id }: { id: string }) {
  const names = useContext(CatalogNames).sources;
  return <span className="truncate" title={id}>{names.get(id) ?? id}</span>;
}

function CampaignCell({ id }: { id: string }) {
  const names = useContext(CatalogNames).campaigns;
  return <span className="truncate">{names.get(id) ?? id}</span>;
}

function OutcomeCell({ outcome }: { outcome: string | undefined }) {
  const { t } = useTranslation();
  return outcome ? <span className="whitespace-nowrap">{t(`outcome.${outcome}`)}</span> : <span className="text-slate-300">—</span>;
}

function DataAgeCell({ ms }: { ms: number }) {
  const { t } = useTranslation();
  return <span className={`tabular-nums ${ms > 180 * 86_400_000 ? 'font-medium text-amber-700' : ''}`}>{formatDuration(ms, t)}</span>;
}

export const gridColumns = helper.columns([
  helper.accessor((r) => r.lead.phoneE164, {
    id: 'phone',
    size: 170,
    header: () => <Header id="phone" />,
    cell: (c) => (
      <span className="font-mono text-[13px]" title={c.getValue()}>
        {formatPhone(c.getValue())}
      </span>
    ),
  }),
  helper.accessor((r) => r.lead.name, { id: 'name', size: 160, header: () => <Header id="name" />, cell: (c) => <span className="truncate">{c.getValue()}</span> }),
  helper.accessor((r) => r.lead.company, { id: 'company', size: 150, header: () => <Header id="company" />, cell: (c) => <span className="truncate text-slate-600">{c.getValue()}</span> }),
  helper.accessor((r) => r.lead.sourceId, { id: 'source', size: 140, header: () => <Header id="source" />, cell: (c) => <SourceCell id={c.getValue()} /> }),
  helper.accessor((r) => r.lead.campaignId ?? '', { id: 'campaign', size: 130, header: () => <Header id="campaign" />, cell: (c) => <CampaignCell id={c.getValue()} /> }),
  helper.accessor((r) => r.lead.acquiredAt, { id: 'acquiredAt', size: 170, header: () => <Header id="acquiredAt" />, cell: (c) => <DateCell ms={c.getValue()} withAge /> }),
  helper.accessor((r) => r.lead.createdAt, { id: 'createdAt', size: 120, header: () => <Header id="createdAt" />, cell: (c) => <DateCell ms={c.getValue()} /> }),
  helper.accessor((r) => r.lead.createdAt - r.lead.acquiredAt, { id: 'dataAge', size: 90, header: () => <Header id="dataAge" />, cell: (c) => <DataAgeCell ms={c.getValue()} /> }),
  helper.accessor((r) => r.consent, { id: 'consent', size: 110, header: () => <Header id="consent" />, cell: (c) => <ConsentPill state={c.getValue()} /> }),
  helper.accessor((r) => r.dnc, { id: 'dnc', size: 100, header: () => <Header id="dnc" />, cell: (c) => <DncPill state={c.getValue()} checkedAt={c.row.original.lead.dncCheckedAt} /> }),
  helper.accessor((r) => r.lead.lastContactAt, { id: 'lastContact', size: 120, header: () => <Header id="lastContact" />, cell: (c) => <DateCell ms={c.getValue()} /> }),
  helper.accessor((r) => r.lead.attempts, { id: 'attempts', size: 80, header: () => <Header id="attempts" />, cell: (c) => <span className="tabular-nums">{c.getValue()}</span> }),
  helper.accessor((r) => r.lead.lastOutcome, { id: 'lastOutcome', size: 120, header: () => <Header id="lastOutcome" />, cell: (c) => <OutcomeCell outcome={c.getValue()} /> }),
  helper.accessor((r) => r.lead.tags, { id: 'tags', size: 120, header: () => <Header id="tags" />, cell: (c) => <Tags tags={c.getValue()} /> }),
  helper.accessor((r) => r.verdict, { id: 'verdict', size: 150, header: () => <Header id="verdict" />, cell: (c) => <VerdictBadge verdict={c.getValue()} /> }),
]);
