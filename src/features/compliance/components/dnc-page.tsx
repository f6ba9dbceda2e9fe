import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import { useComplianceSummary } from '../api/use-compliance-summary';
import { useDncLists } from '../api/use-dnc';
import { usePolicySettings } from '../../../shared/settings/use-policy';
import { ComplianceHeader } from './compliance-header';
import { DncImportForm } from './dnc-import-form';
import { DncListsTable } from './dnc-lists-table';
import { DncVersionsTable } from './dnc-versions-table';
import { InternalDncForm } from './internal-dnc-form';
import { ScrubPanel } from './scrub-panel';

const route = getRouteApi('/compliance/dnc');

/** DNC lists: their versions, importing a new one, single internal additions, and the scrub. */
export function DncPage() {
  const { t } = useTranslation();
  const { list } = route.useSearch();
  const data = useDncLists();
  const settings = usePolicySettings();
  const summary = useComplianceSummary();
  const selected =
    data?.lists.find((l) => l.id === list) ?? data?.lists.find((l) => l.kind === 'national') ?? data?.lists[0];
  return (
    <>
      <ComplianceHeader subtitle={t('compliance.dnc.subtitle')} />
      {!data || !settings ? (
        <p role="status" className="text-sm text-slate-500">
          {t('app.loading')}
        </p>
      ) : (
        <div className="grid gap-6 xl:grid-cols-3">
          <div className="space-y-6 xl:col-span-2">
            <Card title={t('compliance.dnc.lists')}>
              <DncListsTable lists={data.lists} selected={selected?.id} />
            </Card>
            {selected && (
              <Card title={t('compliance.dnc.versionsOf', { name: selected.name })}>
                <DncVersionsTable list={selected} />
              </Card>
            )}
          </div>
          <div className="space-y-6">
            <Card title={t('compliance.dnc.scrubTitle')}>
              <ScrubPanel
                lastScrub={data.scrubs[0]}
                recheck={summary.data?.queues.dncRecheck}
                recheckStale={summary.isPlaceholderData}
              />
            </Card>
            <Card title={t('compliance.dnc.importTitle')}>
              <DncImportForm
                lists={data.lists}
                defaultList={list}
                timeZone={settings.orgTimeZone}
                defaultRegion={settings.defaultRegion}
              />
            </Card>
            <Card title={t('compliance.dnc.internalTitle')}>
              <InternalDncForm defaultRegion={settings.defaultRegion} />
            </Card>
          </div>
        </div>
      )}
    </>
  );
}
