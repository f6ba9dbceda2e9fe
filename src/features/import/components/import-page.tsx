import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page-header';
import { buttonClass } from '../../../components/ui/button';
import { LEAD_SCHEMA_PATH } from '../../../domain/import-export/lead-record';
import { ImportWizard } from './import-wizard';
import { KindTabs } from './kind-tabs';

const route = getRouteApi('/import');

export function ImportPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const kind = search.kind ?? 'leads';
  return (
    <>
      <PageHeader
        title={t('import.title')}
        subtitle={t('import.subtitle')}
        actions={
          <>
            <a
              href={LEAD_SCHEMA_PATH}
              target="_blank"
              rel="noopener"
              className="inline-flex items-center gap-1 px-2 py-1.5 text-sm font-medium text-indigo-700 hover:underline"
            >
              {t('import.schemaLink')}
            </a>
            <Link to="/import/history" className={buttonClass()}>
              {t('import.historyLink')}
            </Link>
          </>
        }
      />
      <KindTabs kind={kind} onChange={(k) => void navigate({ search: (s) => ({ ...s, kind: k }) })} />
      {/* A new wizard (and worker) per kind: nothing of a lead file carries over to a call log. */}
      <ImportWizard key={kind} kind={kind} />
    </>
  );
}
