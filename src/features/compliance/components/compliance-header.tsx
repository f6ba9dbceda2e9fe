import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page-header';

const TABS = [
  { to: '/compliance', key: 'overview' },
  { to: '/compliance/renewals', key: 'renewals' },
  { to: '/compliance/dnc', key: 'dnc' },
  { to: '/compliance/retention', key: 'retention' },
  { to: '/compliance/proof', key: 'proof' },
] as const;

/** The Compliance screens' title and their tabs. */
export function ComplianceHeader({ subtitle, actions }: { subtitle: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="print:hidden">
      <PageHeader title={t('compliance.title')} subtitle={subtitle} actions={actions} />
      <nav aria-label={t('compliance.tabs.label')} className="-mt-2 mb-6 flex gap-1 border-b border-slate-200">
        {TABS.map((tab) => (
          <Link
            key={tab.to}
            to={tab.to}
            activeOptions={{ exact: true, includeSearch: false }}
            className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-500 hover:border-slate-300 hover:text-slate-800 data-[status=active]:border-indigo-600 data-[status=active]:text-indigo-700"
          >
            {t(`compliance.tabs.${tab.key}`)}
          </Link>
        ))}
      </nav>
    </div>
  );
}
