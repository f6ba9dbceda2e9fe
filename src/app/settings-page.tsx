import { useTranslation } from 'react-i18next';
import { Card } from '../components/ui/card';
import { PageHeader } from '../components/ui/page-header';
import { useSettings } from '../shared/settings/use-settings';
import { DataActions } from '../features/demo/components/data-actions';
import { LanguageSwitch } from '../features/settings/components/language-switch';
import { LifecycleSettings } from '../features/settings/components/lifecycle-settings';
import { OrganisationForm } from '../features/settings/components/organisation-form';
import { PolicySettings } from '../features/compliance/components/policy-settings';
import { TeamSettings } from '../features/team/components/team-settings';
import { SyncIssuesCard } from '../features/team/components/sync-issues';
import { useSeedRun } from '../features/demo/api/seed-progress-store';

export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  // While the first start's demo lands, its chunks must not become this device's writes to a team.
  const seeding = useSeedRun()?.kind === 'first-start';
  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <div className="grid gap-6 xl:grid-cols-2">
        <Card title={t('settings.title')}>
          {settings ? <OrganisationForm settings={settings} /> : t('app.loading')}
        </Card>
        <div className="space-y-6">
          <Card title={t('team.title')}>
            <TeamSettings waitReason={seeding ? t('settings.waitForSeed') : undefined} />
          </Card>
          <SyncIssuesCard />
          <Card title={t('language.label')}>
            <LanguageSwitch tone="light" />
          </Card>
          <Card title={t('settings.data')}>
            <DataActions />
          </Card>
          <Card title={t('lifecycle.settings.title')}>
            {settings ? <LifecycleSettings settings={settings} /> : t('app.loading')}
          </Card>
        </div>
      </div>
      <Card title={t('compliance.policy.title')} className="mt-6">
        <PolicySettings />
      </Card>
    </>
  );
}
