import { Link, getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { Table, TableBody, TableHead, Td, Th } from '../../../components/ui/table';
import { useCatalogNames } from '../../../shared/catalog/use-catalog';
import { useAwaitingRenewal, useExportRenewals } from '../api/use-renewals';
import { WriteFailure } from '../../../shared/storage/write-failure';
import { ComplianceHeader } from './compliance-header';
import { useFormatters } from '../model/use-formatters';

const route = getRouteApi('/compliance/renewals');
const PAGE = 50;

/** Leads asked to renew consent and not answered yet: who asked, when, how; the list as a CSV. */
export function RenewalsPage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const rows = useAwaitingRenewal();
  const names = useCatalogNames();
  const run = useExportRenewals();
  const page = search.page ?? 1;
  const pages = Math.max(1, Math.ceil((rows?.length ?? 0) / PAGE));
  const shown = rows?.slice((page - 1) * PAGE, page * PAGE) ?? [];
  const exportList = () => run.mutate({ header: (c, zone) => t(`compliance.renewals.col.${c}`, { zone }) });
  return (
    <>
      <ComplianceHeader subtitle={t('compliance.renewals.subtitle')} />
      <Card
        title={t('compliance.renewals.title')}
        actions={
          <Button variant="primary" onClick={exportList} disabled={!rows?.length || run.isPending}>
            {t('compliance.renewals.export')}
          </Button>
        }
      >
        <p className="mb-3 rounded-lg bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          {t('compliance.renewals.notProof')}
        </p>
        {rows === undefined ? (
          <p role="status" className="text-sm text-slate-600">
            {t('app.loading')}
          </p>
        ) : (
          <p data-testid="renewals-count" className="mb-3 text-sm text-slate-700">
            {t('compliance.renewals.count', { count: rows.length, formatted: f.number(rows.length) })}
          </p>
        )}
        {run.data && (
          <p role="status" className="mb-3 text-sm text-emerald-800">
            {t('compliance.renewals.exported', {
              count: run.data.rows,
              formatted: f.number(run.data.rows),
              file: run.data.fileName,
            })}
          </p>
        )}
        <WriteFailure write={run} />
        {shown.length > 0 && (
          <div className="overflow-x-auto">
            <Table data-testid="renewals-table">
              <TableHead>
                <tr>
                  <Th>{t('compliance.renewals.col.name')}</Th>
                  <Th>{t('compliance.renewals.col.phone')}</Th>
                  <Th>{t('compliance.renewals.col.source')}</Th>
                  <Th>{t('compliance.renewals.requested')}</Th>
                  <Th>{t('compliance.renewals.col.requestedBy')}</Th>
                  <Th>{t('compliance.renewals.col.channel')}</Th>
                </tr>
              </TableHead>
              <TableBody>
                {shown.map(({ lead, request }) => (
                  <tr key={lead.id} data-testid="renewal-row">
                    <Th scope="row">
                      <Link
                        to="/leads"
                        search={{ lead: lead.id }}
                        className="font-medium text-indigo-700 hover:underline"
                      >
                        {lead.name || `#${lead.id}`}
                      </Link>
                    </Th>
                    <Td className="font-mono text-xs">{lead.phoneE164}</Td>
                    <Td>{names.sources.get(lead.sourceId) ?? lead.sourceId}</Td>
                    <Td className="whitespace-nowrap">{f.dateTime(request.requestedAt)}</Td>
                    <Td>{request.requestedBy}</Td>
                    <Td>{t(`bulk.channels.${request.channel}`)}</Td>
                  </tr>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        {pages > 1 && (
          <nav className="mt-4 flex items-center gap-2 text-sm" aria-label={t('compliance.renewals.pages')}>
            <Button disabled={page <= 1} onClick={() => void navigate({ search: { page: page - 1 } })}>
              ←
            </Button>
            <span>
              {page} / {pages}
            </span>
            <Button disabled={page >= pages} onClick={() => void navigate({ search: { page: page + 1 } })}>
              →
            </Button>
          </nav>
        )}
      </Card>
    </>
  );
}
