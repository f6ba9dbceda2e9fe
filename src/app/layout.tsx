import { Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../features/settings/components/language-switch';
import { OutdatedBanner } from './outdated-banner';
import { InterruptedOperationsBanner } from '../features/operations/components/interrupted-operations-banner';
import { StorageMeter } from '../features/storage/components/storage-meter';
import { StorageWarning } from '../features/storage/components/storage-warning';
import { useDemoSeed } from '../features/demo/api/use-demo-seed';
import { SeedBanner } from '../features/demo/components/seed-progress';
import { SyncStatus } from '../features/team/components/sync-status';
import { useSyncDriver } from '../features/team/api/use-sync-driver';

const NAV = [
  { to: '/', key: 'overview', icon: '◎' },
  { to: '/leads', key: 'leads', icon: '☰' },
  { to: '/cohorts', key: 'cohorts', icon: '▥' },
  { to: '/compliance', key: 'compliance', icon: '✓' },
  { to: '/import', key: 'import', icon: '⇪' },
  { to: '/export', key: 'export', icon: '⇩' },
  { to: '/audit', key: 'audit', icon: '≡' },
  { to: '/settings', key: 'settings', icon: '⚙' },
] as const;

/** The frame around every screen: navigation, language, and the database's state. */
export function Layout() {
  const { t } = useTranslation();
  const seed = useDemoSeed();
  useSyncDriver();
  return (
    <div className="flex min-h-screen bg-slate-50 text-slate-900">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        {t('app.skip')}
      </a>
      {/* Painted above the page (z-20): Chromium composites a sticky box in a scrolling document, and then
          gave a layer of its own to everything painted after it that might overlap it. Two layers for every
          grid row (50 at 1440×900) had to be rastered again at each change before the next frame could start
          (decision 071). Nothing of the page reaches under the bar, so the order changes nothing seen. */}
      <aside className="sticky top-0 z-20 flex h-screen w-56 shrink-0 flex-col border-r border-slate-200 bg-slate-900 text-slate-100">
        <div className="px-5 py-5">
          <div className="text-lg font-semibold tracking-tight">{t('app.name')}</div>
          <div className="text-xs text-slate-400">{t('app.tagline')}</div>
        </div>
        <nav aria-label={t('nav.main')} className="flex-1 space-y-0.5 px-3">
          {NAV.map((item) => (
            <Link
              key={item.to}
              to={item.to}
              activeOptions={{ exact: item.to === '/', includeSearch: false }}
              className="flex items-center gap-3 rounded-md px-3 py-2 text-sm text-slate-300 hover:bg-slate-800 hover:text-white data-[status=active]:bg-indigo-600 data-[status=active]:text-white"
            >
              <span aria-hidden="true" className="w-4 text-center">
                {item.icon}
              </span>
              {t(`nav.${item.key}`)}
            </Link>
          ))}
        </nav>
        <SyncStatus />
        <StorageMeter />
        <div className="border-t border-slate-800 p-4">
          <LanguageSwitch />
        </div>
      </aside>
      {/* data-seed: "ready" once the first start's demo data is stored (or there was none to store). */}
      <main id="main" data-seed={seed} className="min-w-0 flex-1 px-8 py-6">
        <OutdatedBanner />
        <InterruptedOperationsBanner />
        <StorageWarning />
        <SeedBanner />
        <Outlet />
      </main>
    </div>
  );
}
