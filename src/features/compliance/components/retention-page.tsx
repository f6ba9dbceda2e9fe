import { useTranslation } from 'react-i18next';
import { ComplianceHeader } from './compliance-header';

export function RetentionPage() {
  const { t } = useTranslation();
  return <ComplianceHeader subtitle={t('compliance.subtitle')} />;
}
