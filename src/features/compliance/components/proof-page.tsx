import { getRouteApi } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import { usePolicySettings } from '../../../shared/settings/use-policy';
import { useProof } from '../api/use-proof';
import { ComplianceHeader } from './compliance-header';
import { LeadCallsCard } from './lead-calls-card';
import { LeadConsentPanel } from './lead-consent-panel';
import { ProofPicker } from './proof-picker';
import { ProofReport } from './proof-report';
import { EmptyState } from '../../../components/ui/empty-state';

const route = getRouteApi('/compliance/proof');

/** Point-in-time proof: a lead at a chosen moment (`?lead=&at=`) or a logged call (`?call=`). */
export function ProofPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const settings = usePolicySettings();
  // A lead without a moment means "now": pin it in the URL so the report is reproducible.
  useEffect(() => {
    if (search.lead !== undefined && search.at === undefined && search.call === undefined)
      void navigate({ search: { lead: search.lead, at: Date.now() }, replace: true });
  }, [search.lead, search.at, search.call, navigate]);
  const target =
    search.call !== undefined
      ? { callId: search.call }
      : search.lead !== undefined && search.at !== undefined
        ? { leadId: search.lead, at: search.at }
        : null;
  const proof = useProof(target);
  const leadId = proof.data?.report.lead.id ?? search.lead;
  return (
    <>
      <ComplianceHeader subtitle={t('compliance.proof.subtitle')} />
      {settings && (
        <div className="mb-6 print:hidden">
          <ProofPicker
            key={`${leadId}-${proof.data?.report.at}`}
            lead={leadId}
            at={proof.data?.report.at ?? search.at}
            timeZone={settings.orgTimeZone}
            onPick={(lead, at) => void navigate({ search: { lead, at } })}
          />
        </div>
      )}
      {!target ? (
        <EmptyState inline>{t('compliance.proof.pickHelp')}</EmptyState>
      ) : proof.isPending ? (
        <p role="status" className="text-sm text-slate-500">
          {t('app.loading')}
        </p>
      ) : !proof.data ? (
        <p role="alert" className="text-sm text-rose-700">
          {t('compliance.proof.notFound')}
        </p>
      ) : (
        <div className="grid gap-6 xl:grid-cols-3">
          <div className="xl:col-span-2">
            <ProofReport data={proof.data} />
          </div>
          <div className="space-y-6 print:hidden">
            <Card title={t('compliance.panel.now')}>
              <LeadConsentPanel leadId={proof.data.report.lead.id} />
            </Card>
            <LeadCallsCard leadId={proof.data.report.lead.id} current={search.call} />
          </div>
        </div>
      )}
    </>
  );
}
