import { useTranslation } from 'react-i18next';
import type { TrailReport } from '../../../db/repos/audit-repo';

/** The outcome of "Verify trail": intact or where it breaks, redacted entries, the format-2 upgrade. */
export function VerifyResult({ report }: { report: TrailReport }) {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const { problem, upgrade } = report;
  return (
    <div role="status" className={`mb-4 space-y-1 rounded-lg px-4 py-3 text-sm ${problem ? 'bg-rose-50 text-rose-800' : 'bg-emerald-50 text-emerald-800'}`}>
      <p>{problem ? t('audit.broken', { seq: problem.seq, problem: t(`audit.problem.${problem.problem}`) }) : t('audit.intact', { count: report.count })}</p>
      {report.redacted > 0 && <p>{t('audit.redactedCount', { count: report.redacted })}</p>}
      {upgrade && (
        <p className="text-xs opacity-80">
          {t('audit.upgraded', { date: date.format(upgrade.at), oldSeq: upgrade.previousHead.seq, oldHash: upgrade.previousHead.hash.slice(0, 16), newHash: upgrade.newHead.hash.slice(0, 16) })}{' '}
          {upgrade.previousTrail.intact ? t('audit.upgradedIntact') : t('audit.upgradedBroken', { seq: upgrade.previousTrail.brokenAtSeq })}
        </p>
      )}
    </div>
  );
}
