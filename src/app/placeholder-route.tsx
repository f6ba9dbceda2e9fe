import { useTranslation } from 'react-i18next';
import { Placeholder } from '../components/ui/placeholder';

function make(key: 'leads' | 'cohorts' | 'compliance' | 'import' | 'export') {
  return function PlaceholderScreen() {
    const { t } = useTranslation();
    return <Placeholder title={t(`nav.${key}`)} description={t(`placeholder.${key}`)} badge={t('placeholder.coming')} />;
  };
}

export const LeadsPlaceholder = make('leads');
export const CohortsPlaceholder = make('cohorts');
export const CompliancePlaceholder = make('compliance');
export const ImportPlaceholder = make('import');
export const ExportPlaceholder = make('export');
