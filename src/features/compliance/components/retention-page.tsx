import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ConfirmBar } from '../../../components/ui/confirm-bar';
import { Card } from '../../../components/ui/card';
import type { PurgeMode } from '../../../domain/compliance/retention-plan';
import { usePolicySettings } from '../../../shared/settings/use-policy';
import { usePurge, useRetentionDryRun } from '../api/use-retention';
import { ComplianceHeader } from './compliance-header';
import { PurgePlanView } from './purge-plan-view';

const route = getRouteApi('/compliance/retention');
const MODES: PurgeMode[] = ['anonymize', 'delete'];

/** Retention: a dry run first (how many, what the figures lose), then the purge of exactly that. */
export function RetentionPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const settings = usePolicySettings();
  const dryRun = useRetentionDryRun();
  const purge = usePurge();
  const [confirming, setConfirming] = useState(false);
  const mode = search.mode ?? settings?.purgeMode ?? 'anonymize';
  const plan = dryRun.data && dryRun.data.mode === mode ? dryRun.data : undefined;
  const setMode = (m: PurgeMode) => {
    dryRun.reset();
    purge.reset();
    setConfirming(false);
    void navigate({ search: { mode: m } });
  };
  const runPurge = () => {
    if (!plan) return;
    purge.mutate(
      { plan },
      {
        onSettled: () => {
          setConfirming(false);
          dryRun.reset();
        },
      },
    );
  };
  return (
    <>
      <ComplianceHeader subtitle={t('compliance.retention.subtitle')} />
      {!settings ? (
        <p role="status" className="text-sm text-slate-500">
          {t('app.loading')}
        </p>
      ) : (
        <div className="grid gap-6 xl:grid-cols-3">
          <Card title={t('compliance.retention.policyTitle')}>
            <dl className="space-y-2 text-sm">
              <dt className="text-slate-500">{t('compliance.retention.keepFor')}</dt>
              <dd className="font-medium">
                {t(`compliance.retention.keepForValue.${settings.retentionFrom}`, { months: settings.retentionMonths })}
              </dd>
              <dt className="text-slate-500">{t('compliance.retention.defaultMode')}</dt>
              <dd className="font-medium">{t(`compliance.retention.mode.${settings.purgeMode}`)}</dd>
            </dl>
            <Link to="/settings" hash="policy" className="mt-4 inline-block text-sm text-indigo-600 hover:underline">
              {t('compliance.changePolicy')}
            </Link>
          </Card>
          <Card title={t('compliance.retention.purgeTitle')} className="xl:col-span-2">
            <div className="space-y-5">
              <fieldset>
                <legend className="text-sm font-medium text-slate-700">{t('compliance.retention.modeLabel')}</legend>
                <div className="mt-2 grid gap-2 sm:grid-cols-2">
                  {MODES.map((m) => (
                    <label
                      key={m}
                      className={`flex cursor-pointer gap-3 rounded-lg p-3 text-sm ring-1 ${mode === m ? 'bg-indigo-50 ring-indigo-300' : 'ring-slate-200 hover:bg-slate-50'}`}
                    >
                      <input
                        type="radio"
                        name="purge-mode"
                        value={m}
                        checked={mode === m}
                        onChange={() => setMode(m)}
                        className="mt-0.5"
                      />
                      <span>
                        <span className="block font-medium">{t(`compliance.retention.mode.${m}`)}</span>
                        <span className="block text-xs text-slate-600">{t(`compliance.retention.modeHelp.${m}`)}</span>
                      </span>
                    </label>
                  ))}
                </div>
              </fieldset>
              <div className="flex flex-wrap items-center gap-3">
                <Button
                  onClick={() => {
                    purge.reset();
                    dryRun.mutate({ mode });
                  }}
                  disabled={dryRun.isPending || purge.isPending}
                >
                  {dryRun.isPending ? t('compliance.retention.running') : t('compliance.retention.dryRun')}
                </Button>
                {plan && plan.leadIds.length > 0 && (
                  <Button variant="danger" onClick={() => setConfirming(true)} disabled={purge.isPending || confirming}>
                    {t(`compliance.retention.purgeButton.${plan.mode}`, { count: plan.leadIds.length })}
                  </Button>
                )}
              </div>
              {plan && <PurgePlanView plan={plan} />}
              {confirming && plan && (
                <ConfirmBar
                  label={t('compliance.retention.confirmTitle')}
                  cancelLabel={t('compliance.cancel')}
                  confirmLabel={t(`compliance.retention.purgeButton.${plan.mode}`, { count: plan.leadIds.length })}
                  busy={purge.isPending}
                  onCancel={() => setConfirming(false)}
                  onConfirm={runPurge}
                >
                  {t(`compliance.retention.confirm.${plan.mode}`, { count: plan.leadIds.length })}
                </ConfirmBar>
              )}
              {purge.data && (
                <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
                  {t(`compliance.retention.done.${purge.data.mode}`, { count: purge.data.leadIds.length })}
                </p>
              )}
              {dryRun.error && (
                <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800">
                  {t('compliance.retention.errors.dry-run-failed', { message: dryRun.error.message })}
                </p>
              )}
              {purge.error && (
                <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800">
                  {t(`compliance.retention.errors.${purge.error.message}`, { defaultValue: purge.error.message })}
                </p>
              )}
            </div>
          </Card>
        </div>
      )}
    </>
  );
}
