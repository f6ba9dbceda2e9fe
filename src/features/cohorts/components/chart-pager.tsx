import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import type { ChartSeries } from '../model/chart-series';

/**
 * What the chart leaves out and how to see it: which periods of how many it shows, how many
 * of them are gaps, and buttons to page to older or newer periods (the page is in the URL).
 */
export function ChartPager({
  cs,
  rangeLabel,
  onPage,
}: {
  cs: ChartSeries;
  rangeLabel: (i: number) => string;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const { page, pages, first, end } = cs.page;
  if (cs.rows.length === 0) return null;
  const gaps = cs.rows.filter((r) => r.gap).length;
  const labels = { first: rangeLabel(0), last: rangeLabel(cs.rows.length - 1), total: cs.periods };
  return (
    <nav
      aria-label={t('cohorts.legible.pages')}
      data-testid="chart-pager"
      className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-600"
    >
      <span data-testid="chart-range">
        {pages > 1
          ? t('cohorts.legible.range', { ...labels, from: first + 1, to: end })
          : t('cohorts.legible.rangeAll', labels)}
      </span>
      {gaps > 0 && <span data-testid="chart-gaps">{t('cohorts.legible.gaps', { count: gaps })}</span>}
      {pages > 1 && (
        <span className="ml-auto flex gap-2">
          <Button className="!py-1 text-xs" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
            {t('cohorts.legible.older')}
          </Button>
          <Button className="!py-1 text-xs" disabled={page === 0} onClick={() => onPage(page - 1)}>
            {t('cohorts.legible.newer')}
          </Button>
        </span>
      )}
    </nav>
  );
}
