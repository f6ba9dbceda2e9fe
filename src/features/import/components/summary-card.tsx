import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import { StatCard } from '../../../components/ui/stat-card';
import type { AnalysisSummary } from '../../../domain/import-export/import-analysis';

/** The counts before commit, and what the steward must still declare. */
export function SummaryCard({ summary }: { summary: AnalysisSummary }) {
  const { t, i18n } = useTranslation();
  const nf = new Intl.NumberFormat(i18n.language);
  const c = summary.counts;
  const calls = summary.kind === 'calls';
  return (
    <Card title={t('import.summary.title')}>
      {summary.asks.map((a) => (
        <p
          key={a.problem}
          role="alert"
          className="mb-3 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          {t(`import.asks.${a.problem}`, { count: a.count, example: a.example, line: a.firstLine })}
        </p>
      ))}
      {c.rowsRead === 0 && summary.fileProblem?.code === 'no-rows' && (
        <p className="mb-3 text-sm text-slate-600">{t('import.summary.zeroRows')}</p>
      )}
      <dl className="grid gap-3 sm:grid-cols-3 xl:grid-cols-6">
        <StatCard testId="count-rows" label={t('import.summary.rows')} value={nf.format(c.rowsRead)} />
        <StatCard testId="count-valid" tone="good" label={t('import.summary.valid')} value={nf.format(c.valid)} />
        <StatCard
          testId="count-rejected"
          tone={c.rejected > 0 ? 'bad' : 'neutral'}
          label={t('import.summary.rejected')}
          value={nf.format(c.rejected)}
        />
        <StatCard
          testId="count-duplicates"
          label={t('import.summary.duplicates')}
          value={nf.format(c.duplicatesInFile)}
        />
        <StatCard
          testId="count-matches"
          label={t(calls ? 'import.summary.matchesCalls' : 'import.summary.matches')}
          value={nf.format(c.matchedExisting)}
        />
        <StatCard
          testId="count-create"
          tone="good"
          label={t(calls ? 'import.summary.toCreateCalls' : 'import.summary.toCreate')}
          value={nf.format(c.toCreate)}
        />
      </dl>
      <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
        {!calls && (
          <li>
            {t('import.summary.conflicts')}: <strong className="tabular-nums">{nf.format(c.conflicts)}</strong>
          </li>
        )}
        <li>
          {t('import.summary.warnings')}: <strong className="tabular-nums">{nf.format(c.warnings)}</strong>
        </li>
        {c.formulaLike > 0 && (
          <li data-testid="count-formula-like" className="text-amber-800">
            {t('import.summary.formulaLike')}: <strong className="tabular-nums">{nf.format(c.formulaLike)}</strong>{' '}
            <span className="text-xs">({t('import.summary.formulaLikeNote')})</span>
          </li>
        )}
        {calls ? (
          <li>
            {t('import.summary.leadsAffected')}: <strong className="tabular-nums">{nf.format(c.leadsAffected)}</strong>
          </li>
        ) : (
          <li data-testid="count-dnc">
            {t('import.summary.onDnc')}: <strong className="tabular-nums">{nf.format(c.onDncList)}</strong>{' '}
            <span className="text-xs text-slate-500">({t('import.summary.onDncNote')})</span>
          </li>
        )}
      </ul>
      {summary.newSources.length > 0 && (
        <p className="mt-2 text-sm text-slate-600">
          {t('import.summary.newSources', { names: summary.newSources.join(', ') })}
        </p>
      )}
      {summary.newCampaigns.length > 0 && (
        <p className="mt-1 text-sm text-slate-600">
          {t('import.summary.newCampaigns', { names: summary.newCampaigns.join(', ') })}
        </p>
      )}
    </Card>
  );
}
