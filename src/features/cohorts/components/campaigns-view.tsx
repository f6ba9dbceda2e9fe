import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import { Table, TableBody, TableHead, Td, Th } from '../../../components/ui/table';
import { rateOf } from '../../../domain/cohorts/cohort-rates';
import { campaignFilter } from '../../../domain/cohorts/drill-down';
import type { LeadFilter } from '../../../domain/leads/lead-filter';
import type { SnapshotMeta } from '../../../workers/cohort-answers';
import { useCampaignPerformance } from '../api/use-campaign-performance';
import type { CohortsState } from '../cohorts-search';
import { makeFormatters } from '../model/format';
import { ComputedNote } from './computed-note';
import { CsvButton } from './csv-button';

/** How a lead joins a campaign, in the order of their columns, and the label of the link to those leads. */
const ATTRIBUTIONS = ['explicit', 'window'] as const;
const OPEN_LABEL = { explicit: 'cohorts.campaigns.openExplicit', window: 'cohorts.campaigns.openWindow' } as const;

/** Campaign performance with how each lead joined (campaign id or acquisition window), each count opening those leads. */
export function CampaignsView({ state, meta }: { state: CohortsState; meta: SnapshotMeta }) {
  const { t, i18n } = useTranslation();
  const q = useCampaignPerformance(state.n);
  const model = useMemo(() => {
    if (!q.data) return null;
    const f = makeFormatters(i18n.language, meta.timeZone, t);
    const byId = new Map(meta.campaigns.map((c) => [c.id, c]));
    const header = [
      t('cohorts.campaigns.campaign'),
      t('cohorts.campaigns.window'),
      t('cohorts.campaigns.channel'),
      t('cohorts.campaigns.explicit'),
      t('cohorts.campaigns.byWindow'),
      t('cohorts.col.leads'),
      t('cohorts.scorecard.connect'),
      t('cohorts.scorecard.conversion', { n: state.n }),
      t('cohorts.col.interval'),
      t('cohorts.scorecard.dataAge'),
    ];
    const rows = q.data.value
      .filter((r) => r.metrics.leads > 0 || byId.has(r.campaignId))
      .map((r) => {
        const c = byId.get(r.campaignId);
        const conv = rateOf(r.metrics, 'conversionWithinRate');
        const name =
          r.campaignId === ''
            ? t('cohorts.campaigns.noCampaign')
            : c
              ? c.name
              : t('cohorts.campaigns.unknown', { id: r.campaignId });
        const cells = [
          name,
          c ? `${f.date(c.startsAt)} – ${f.date(c.endsAt - 1)}` : '—',
          c ? [c.channel, c.event].filter(Boolean).join(' · ') : '—',
          f.count(r.explicit),
          f.count(r.window),
          f.count(r.metrics.leads),
          f.pct(rateOf(r.metrics, 'connectRate').rate),
          f.pct(conv.rate),
          f.interval(conv.low, conv.high),
          f.days(r.metrics.medianDataAgeDays),
        ];
        return { id: r.campaignId, r, c, cells };
      });
    return { header, rows };
  }, [q.data, meta, i18n.language, t, state.n]);
  const link = (count: string, search: LeadFilter, label: string) => (
    <Link to="/leads" search={search} aria-label={label} className="font-medium text-indigo-700 hover:underline">
      {count}
    </Link>
  );
  return (
    <Card
      title={t('cohorts.campaigns.title')}
      actions={model && <CsvButton table={{ header: model.header, rows: model.rows }} fileName="campaigns.csv" />}
    >
      <p className="-mt-1 mb-3 max-w-4xl text-xs text-slate-500">{t('cohorts.campaigns.help')}</p>
      {!model ? (
        <p role="status" className="animate-pulse text-sm text-slate-500">
          {t('cohorts.loading')}
        </p>
      ) : (
        <div className="overflow-auto rounded-lg ring-1 ring-slate-200">
          <Table caption={t('cohorts.campaigns.title')} captionHidden data-testid="campaigns-table">
            <TableHead>
              <tr>
                {model.header
                  .filter((_, i) => i !== 8)
                  .map((h, i) => (
                    <Th key={i} numeric={i >= 3} className="whitespace-nowrap">
                      {h}
                    </Th>
                  ))}
              </tr>
            </TableHead>
            <TableBody>
              {model.rows.map(({ id, r, c, cells }) => (
                <tr key={id} className="hover:bg-indigo-50/40">
                  <Th scope="row" className="whitespace-nowrap">
                    {cells[0]}
                  </Th>
                  <Td className="text-xs text-slate-500">{cells[1]}</Td>
                  <Td className="whitespace-nowrap text-xs text-slate-500">{cells[2]}</Td>
                  {ATTRIBUTIONS.map((how, i) => (
                    <Td key={how} numeric>
                      {c && r[how] > 0
                        ? link(
                            cells[3 + i]!,
                            campaignFilter(c, how, meta.sources, meta.timeZone),
                            t(OPEN_LABEL[how], { count: r[how], formatted: cells[3 + i] }),
                          )
                        : cells[3 + i]}
                    </Td>
                  ))}
                  <Td numeric>{cells[5]}</Td>
                  <Td numeric>{cells[6]}</Td>
                  <Td numeric className="whitespace-nowrap">
                    <div>{cells[7]}</div>
                    <div className="text-[11px] text-slate-500">{cells[8]}</div>
                  </Td>
                  <Td numeric className="whitespace-nowrap">
                    {cells[9]}
                  </Td>
                </tr>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {q.data && <ComputedNote leads={q.data.meta.leads} ms={q.data.ms} waitMs={q.data.waitMs} />}
    </Card>
  );
}
