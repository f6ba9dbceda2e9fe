import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ConfirmBar } from '../../../components/ui/confirm-bar';
import type { ConsentEvent } from '../../../domain/compliance/consent-event';
import { useAddLeadToInternalDnc, useLeadCompliance } from '../api/use-lead-compliance';
import { usePolicySettings } from '../../../shared/settings/use-policy';
import { WriteFailure } from '../../../shared/storage/write-failure';
import { ConsentForm } from './consent-form';
import { ConsentEventList } from './consent-event-list';
import { CallableBadge, ReasonList } from './reason-list';
import { useFormatters } from '../model/use-formatters';
import { RenewalRequested, RequestRenewalForm } from './renewal-request';
import { EmptyState } from '../../../components/ui/empty-state';

const KINDS: ConsentEvent['kind'][] = ['granted', 'renewed', 'withdrawn'];

/** A lead's consent and verdict now, with capture / renew / withdraw, "Add to internal DNC", and its proof. */
export function LeadConsentPanel({ leadId }: { leadId: number }) {
  // Keyed by lead: a half-filled form never carries over to the next lead shown.
  return <Panel key={leadId} leadId={leadId} />;
}

function Panel({ leadId }: { leadId: number }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const data = useLeadCompliance(leadId);
  const settings = usePolicySettings();
  const addDnc = useAddLeadToInternalDnc();
  const [form, setForm] = useState<ConsentEvent['kind'] | 'request' | null>(null);
  const [confirmDnc, setConfirmDnc] = useState(false);
  if (data === undefined || !settings) return <p className="text-sm text-slate-500">{t('app.loading')}</p>;
  if (data === null) return <p className="text-sm text-slate-500">{t('compliance.panel.notFound', { id: leadId })}</p>;
  const { lead, consent, verdict, consents, internalListed, renewalRequested } = data;
  const purged = lead.anonymizedAt !== undefined;
  return (
    <section aria-labelledby={`consent-panel-${leadId}`} className="space-y-4" data-testid="lead-consent-panel">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`consent-panel-${leadId}`} className="text-sm font-semibold text-slate-800">
          {t('compliance.panel.title')}
        </h3>
        <div className="flex items-center gap-3">
          <CallableBadge callable={verdict.callable} />
          <Link
            to="/compliance/proof"
            search={{ lead: leadId }}
            className="text-sm font-medium text-indigo-600 hover:underline"
          >
            {t('compliance.panel.proof')}
          </Link>
        </div>
      </div>
      <ReasonList reasons={verdict.reasons} />
      <p className="text-sm text-slate-700" data-testid="consent-state">
        <span className="text-slate-500">{t('compliance.panel.consentForCalls')}: </span>
        <span className="font-medium">{t(`compliance.consent.status.${consent.status}`)}</span>
        {consent.basis && ` · ${t(`compliance.consent.basis.${consent.basis}`)}`}
        {consent.status === 'valid' &&
          consent.expiresAt !== undefined &&
          ` · ${t('compliance.consent.expires', { date: f.date(consent.expiresAt) })}`}
        {consent.status !== 'valid' &&
          consent.since !== undefined &&
          ` · ${t('compliance.verdict.since', { date: f.date(consent.since) })}`}
      </p>
      {renewalRequested && <RenewalRequested pending={renewalRequested} />}
      {consents.length > 0 ? (
        <ConsentEventList events={consents} />
      ) : (
        <EmptyState inline>{t('compliance.consent.noEvents')}</EmptyState>
      )}
      {purged ? (
        <p className="rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-600">
          {t('compliance.panel.purged', { date: f.date(lead.anonymizedAt!) })}
        </p>
      ) : form === 'request' ? (
        <RequestRenewalForm leadId={leadId} onDone={() => setForm(null)} />
      ) : form ? (
        <ConsentForm leadIds={[leadId]} kind={form} timeZone={settings.orgTimeZone} onDone={() => setForm(null)} />
      ) : (
        <div className="flex flex-wrap gap-2">
          {KINDS.map((k) => (
            <Button
              key={k}
              variant={k === 'withdrawn' ? 'danger' : 'secondary'}
              onClick={() => {
                addDnc.reset();
                setForm(k);
              }}
            >
              {t(`compliance.consent.action.${k}`)}
            </Button>
          ))}
          <Button
            onClick={() => {
              addDnc.reset();
              setForm('request');
            }}
          >
            {t('bulk.op.request-consent-renewal')}
          </Button>
          {internalListed ? (
            <span className="inline-flex items-center rounded-md bg-rose-50 px-3 py-1.5 text-sm text-rose-800 ring-1 ring-rose-200">
              {t('compliance.panel.onInternal')}
            </span>
          ) : (
            <Button variant="danger" onClick={() => setConfirmDnc(true)} disabled={addDnc.isPending}>
              {t('compliance.panel.addDnc')}
            </Button>
          )}
        </div>
      )}
      {confirmDnc && !internalListed && (
        <ConfirmBar
          label={t('compliance.panel.addDnc')}
          cancelLabel={t('compliance.cancel')}
          confirmLabel={t('compliance.panel.addDnc')}
          onCancel={() => setConfirmDnc(false)}
          onConfirm={() =>
            addDnc.mutate({ phoneE164: lead.phoneE164, region: lead.region }, { onSettled: () => setConfirmDnc(false) })
          }
        >
          {t('compliance.panel.confirmDnc')}
        </ConfirmBar>
      )}
      <WriteFailure write={addDnc} />
    </section>
  );
}
