import { useTranslation } from 'react-i18next';
import { ComplianceHeader } from './compliance-header';

export function ProofPage() {
  const { t } = useTranslation();
  return <ComplianceHeader subtitle={t('compliance.subtitle')} />;
}
