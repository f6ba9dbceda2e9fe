import { Link, getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogDescription, DialogFooter, DialogTitle } from '../../../components/ui/dialog';
import { Table, TableBody, TableHead, Td, Th } from '../../../components/ui/table';
import { auditRecords, summariseAudit } from '../../../domain/audit/audit-summary';
import { localeDateFormat } from '../../../i18n/use-date-format';
import { DATE_TIME_SECONDS } from '../../../domain/time/date-styles';
import { useAuditEntry } from '../api/use-audit';
import type { CatalogNames } from '../../../domain/catalog/catalog-names';
import { AuditSummaryText } from './audit-summary-text';
import { cachedNumberFormat } from '../../../domain/time/intl-cache';

const route = getRouteApi('/audit');
const RECORDS_PAGE = 25;

/** A stored value as text: names for source and campaign ids, dates for instants, "—" for absent. */
function useValueText(names: CatalogNames) {
  const { i18n } = useTranslation();
  const fmt = localeDateFormat(i18n.language, DATE_TIME_SECONDS);
  return (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (field === 'sourceId' && typeof v === 'string') return names.sources.get(v) ?? v;
    if (field === 'campaignId' && typeof v === 'string') return names.campaigns.get(v) ?? v;
    if (/At$/.test(field) && typeof v === 'number') return fmt.format(v);
    if (Array.isArray(v)) return v.join(', ');
    return typeof v === 'object' ? JSON.stringify(v) : String(v as string | number | boolean);
  };
}

/** One audit entry opened: what it did in words, what it undid or what undid it, and each record's old → new values, a page at a time. */
export function AuditEntryDetail({ seq }: { seq: number }) {
  const { t, i18n } = useTranslation();
  const navigate = route.useNavigate();
  const search = route.useSearch();
  const data = useAuditEntry(seq);
  const close = () => void navigate({ search: (s) => ({ ...s, entry: undefined, rpage: undefined }) });
  const page = search.rpage ?? 1;
  const fmt = localeDateFormat(i18n.language, DATE_TIME_SECONDS);
  const valueText = useValueText(data?.names ?? { sources: new Map(), campaigns: new Map() });
  const records = data ? auditRecords(data.entry, data.reverted ?? undefined) : [];
  const pages = Math.max(1, Math.ceil(records.length / RECORDS_PAGE));
  const shown = records.slice((page - 1) * RECORDS_PAGE, page * RECORDS_PAGE);
  const nf = cachedNumberFormat(i18n.language);
  return (
    <Dialog size="xl" onClose={close} testId="audit-entry-detail">
      <DialogTitle>{t('audit.entryTitle', { seq })}</DialogTitle>
      {data === undefined ? (
        <DialogDescription>{t('app.loading')}</DialogDescription>
      ) : data === null ? (
        <DialogDescription>{t('audit.noEntry', { seq })}</DialogDescription>
      ) : (
        <>
          <DialogDescription strong>
            <AuditSummaryText summary={summariseAudit(data.entry)} names={data.names} />
          </DialogDescription>
          <p className="mt-1 text-sm text-slate-600">
            {t('audit.entryMeta', {
              at: fmt.format(data.entry.at),
              actor: data.entry.actor,
              action: data.entry.action,
            })}
          </p>
          {data.entry.note && <p className="mt-1 text-sm text-slate-700">{data.entry.note}</p>}
          {data.entry.action === 'undo' && data.reverted && (
            <p className="mt-3 text-sm" data-testid="audit-undid">
              {t('audit.undid')}{' '}
              <Link
                to="/audit"
                search={(s) => ({ ...s, entry: data.reverted!.seq, rpage: undefined })}
                className="font-medium text-indigo-700 hover:underline"
              >
                {t('audit.entryLink', { seq: data.reverted.seq })}:{' '}
                <AuditSummaryText summary={summariseAudit(data.reverted)} names={data.names} />
              </Link>
            </p>
          )}
          {data.undoneBy && (
            <p className="mt-3 text-sm" data-testid="audit-undone-by">
              {t('audit.undoneBy')}{' '}
              <Link
                to="/audit"
                search={(s) => ({ ...s, entry: data.undoneBy!.seq, rpage: undefined })}
                className="font-medium text-indigo-700 hover:underline"
              >
                {t('audit.entryLink', { seq: data.undoneBy.seq })}
              </Link>
            </p>
          )}
          {records.length > 0 && (
            <div className="mt-4">
              <h3 className="text-sm font-semibold text-slate-800">
                {t('audit.records', { count: records.length, formatted: nf.format(records.length) })}
              </h3>
              <Table className="mt-2" data-testid="audit-records">
                <TableHead>
                  <tr>
                    <Th>{t('audit.record')}</Th>
                    <Th>{t('audit.field')}</Th>
                    <Th>{t('audit.oldValue')}</Th>
                    <Th>{t('audit.newValue')}</Th>
                  </tr>
                </TableHead>
                <TableBody>
                  {shown.flatMap((r) =>
                    (r.fields.length ? r.fields : [null]).map((f, i) => (
                      <tr key={`${r.id}:${f?.field ?? ''}`} data-testid="audit-record-row">
                        <Td>
                          {i === 0 &&
                            (typeof r.id === 'number' && data.entry.entity === 'lead' ? (
                              <Link
                                to="/leads"
                                search={{ lead: r.id }}
                                className="font-medium text-indigo-700 hover:underline"
                              >
                                {t('audit.leadLink', { id: r.id })}
                              </Link>
                            ) : (
                              String(r.id)
                            ))}
                        </Td>
                        <Td className="text-slate-700">
                          {f ? t(`audit.fieldName.${f.field}`, { defaultValue: f.field }) : '—'}
                        </Td>
                        <Td className="text-slate-600">{f ? valueText(f.field, f.before) : ''}</Td>
                        <Td className="text-slate-900">{f ? `→ ${valueText(f.field, f.after)}` : ''}</Td>
                      </tr>
                    )),
                  )}
                </TableBody>
              </Table>
              {pages > 1 && (
                <nav className="mt-3 flex items-center gap-2 text-sm" aria-label={t('audit.recordPages')}>
                  <Button
                    disabled={page <= 1}
                    onClick={() => void navigate({ search: (s) => ({ ...s, rpage: page - 1 }) })}
                  >
                    ←
                  </Button>
                  <span>
                    {page} / {pages}
                  </span>
                  <Button
                    disabled={page >= pages}
                    onClick={() => void navigate({ search: (s) => ({ ...s, rpage: page + 1 }) })}
                  >
                    →
                  </Button>
                </nav>
              )}
            </div>
          )}
        </>
      )}
      <DialogFooter>
        <Button variant="primary" onClick={close}>
          {t('bulk.close')}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
