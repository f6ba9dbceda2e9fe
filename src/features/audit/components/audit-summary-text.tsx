import { useTranslation } from 'react-i18next';
import type { AuditChange, AuditSummary } from '../../../domain/audit/audit-summary';
import type { CatalogNames } from '../../../domain/catalog/catalog-names';
import { cachedNumberFormat } from '../../../domain/time/intl-cache';

/** One change in words: "campaign → Spring", "tags + vip". */
export function useChangeText(names: CatalogNames) {
  const { t } = useTranslation();
  return (c: AuditChange): string => {
    switch (c.kind) {
      case 'source':
        return t('audit.change.source', { value: names.sources.get(c.value) ?? c.value });
      case 'campaign':
        return c.value === null
          ? t('audit.change.campaignNone')
          : t('audit.change.campaign', { value: names.campaigns.get(c.value) ?? c.value });
      case 'name':
      case 'company':
      case 'tagsAdded':
      case 'tagsRemoved':
      case 'consentRenewed':
        return t(`audit.change.${c.kind}`, { value: c.value });
      case 'renewalRequested':
        return t('audit.change.renewalRequested', { value: t(`bulk.channels.${c.value}`, { defaultValue: c.value }) });
      case 'verified':
      case 'internalDnc':
        return t(`audit.change.${c.kind}`);
    }
  };
}

/** The entry as one sentence: "Bulk edit of 3 leads: campaign → Spring". */
export function AuditSummaryText({ summary, names }: { summary: AuditSummary; names: CatalogNames }) {
  const { t, i18n } = useTranslation();
  const change = useChangeText(names);
  const nf = cachedNumberFormat(i18n.language);
  const figures = Object.fromEntries(
    Object.entries(summary.figures).map(([k, v]) => [k, typeof v === 'number' ? nf.format(v) : v]),
  );
  return (
    <span data-testid="audit-summary">
      {t(`audit.sum.${summary.key}`, {
        count: summary.count,
        formatted: nf.format(summary.count),
        changes: summary.changes.map(change).join(', '),
        undid: summary.undid,
        ...figures,
      })}
    </span>
  );
}
