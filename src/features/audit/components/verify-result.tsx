import { useTranslation } from 'react-i18next';
import type { TrailReport } from '../../../db/repos/audit-repo';
import { localeDateFormat } from '../../../i18n/use-date-format';
import { DATE_TIME } from '../../../domain/time/date-styles';

/** How many problems beyond the first are listed (a wholesale rewrite would list the whole trail). */
const SHOWN = 20;

/** The outcome of "Verify trail": intact or where it breaks (every problem, located), redacted entries, the format-2 upgrade. */
export function VerifyResult({ report }: { report: TrailReport }) {
  const { t, i18n } = useTranslation();
  const date = localeDateFormat(i18n.language, DATE_TIME);
  const { problem, upgrade } = report;
  return (
    <div
      role="status"
      className={`mb-4 space-y-1 rounded-lg px-4 py-3 text-sm ${problem ? 'bg-rose-50 text-rose-800' : 'bg-emerald-50 text-emerald-800'}`}
    >
      <p>
        {problem
          ? t('audit.broken', { seq: problem.seq, problem: t(`audit.problem.${problem.problem}`) })
          : t('audit.intact', { count: report.count })}
      </p>
      {report.problems.length > 1 && (
        <>
          <p>{t('audit.moreProblems', { count: report.problems.length - 1 })}</p>
          <ul className="list-disc pl-5" aria-label={t('audit.problemList')}>
            {report.problems.slice(1, 1 + SHOWN).map((p) => (
              <li key={`${p.index}:${p.problem}`}>
                {t('audit.problemAt', { seq: p.seq, problem: t(`audit.problem.${p.problem}`) })}
              </li>
            ))}
            {report.problems.length > 1 + SHOWN && <li>…</li>}
          </ul>
        </>
      )}
      {report.redacted > 0 && <p>{t('audit.redactedCount', { count: report.redacted })}</p>}
      {upgrade && (
        <p className="text-xs opacity-80">
          {t('audit.upgraded', {
            date: date.format(upgrade.at),
            oldSeq: upgrade.previousHead.seq,
            oldHash: upgrade.previousHead.hash.slice(0, 16),
            newHash: upgrade.newHead.hash.slice(0, 16),
          })}{' '}
          {upgrade.previousTrail.intact
            ? t('audit.upgradedIntact')
            : t('audit.upgradedBroken', { seq: upgrade.previousTrail.brokenAtSeq })}
        </p>
      )}
    </div>
  );
}
