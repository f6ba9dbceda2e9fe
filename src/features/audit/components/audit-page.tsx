import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { PageHeader } from '../../../components/ui/page-header';
import { AUDIT_ACTIONS } from '../../../domain/audit/audit-entry';
import { AUDIT_PAGE_SIZE, useAuditPage, useVerifyTrail } from '../api/use-audit';
import { AuditTable } from './audit-table';
import { AuditEntryDetail } from './audit-entry-detail';
import { VerifyResult } from './verify-result';
import { Select } from '../../../components/ui/select';
import { OrgChainCard } from './org-chain-card';

const route = getRouteApi('/audit');

export function AuditPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const data = useAuditPage(page, search.action);
  const verify = useVerifyTrail();
  const pages = data ? Math.max(1, Math.ceil(data.total / AUDIT_PAGE_SIZE)) : 1;
  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        actions={
          <Button variant="primary" onClick={() => verify.mutate()} disabled={verify.isPending}>
            {t('audit.verify')}
          </Button>
        }
      />
      {verify.data && <VerifyResult report={verify.data} />}
      <OrgChainCard />
      <div className="mb-3 flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-2">
          {t('audit.action')}
          <Select
            className="w-40"
            value={search.action ?? ''}
            onChange={(e) => void navigate({ search: { action: e.target.value || undefined } })}
          >
            <option value="">—</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </Select>
        </label>
        {data && (
          <span className="text-slate-500">
            {t('audit.head')}:{' '}
            <code className="font-mono text-xs">
              #{data.head.seq} {data.head.hash.slice(0, 16)}…
            </code>
          </span>
        )}
      </div>
      {data && <AuditTable rows={data.rows} names={data.names} />}
      {search.entry !== undefined && <AuditEntryDetail seq={search.entry} />}
      <nav className="mt-4 flex items-center gap-2 text-sm" aria-label={t('audit.pages')}>
        <Button disabled={page <= 1} onClick={() => void navigate({ search: (s) => ({ ...s, page: page - 1 }) })}>
          ←
        </Button>
        <span>
          {page} / {pages}
        </span>
        <Button disabled={page >= pages} onClick={() => void navigate({ search: (s) => ({ ...s, page: page + 1 }) })}>
          →
        </Button>
      </nav>
    </>
  );
}
