import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import type { DncScrub } from '../../../db/leads-db';
import type { ScrubProgress } from '../../../db/repos/dnc-scrub-repo';
import { useScrub } from '../api/use-dnc';
import { useFormatters } from '../model/use-formatters';
import { Progress } from '../../../components/ui/progress';

/** The last scrub, how many leads need a re-check, and the button that checks them all (with progress). */
export function ScrubPanel({
  lastScrub,
  recheck,
  recheckStale = false,
}: {
  lastScrub: DncScrub | undefined;
  recheck: number | undefined;
  recheckStale?: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormatters();
  const scrub = useScrub();
  const p = scrub.progress;
  // After a scrub the count shown is the old one until the engine answers again.
  const stale = scrub.isPending || (scrub.isSuccess && recheckStale);
  // One bar over the whole wait: reading the lists is most of it (millions of numbers), checking the leads (their numbers read off the engine) the last tenth.
  const share = (x: ScrubProgress) => (x.total > 0 ? Math.min(1, x.done / x.total) : 0);
  const pct = !p
    ? 0
    : p.phase === 'lists'
      ? Math.round(90 * share(p))
      : p.phase === 'leads'
        ? 90 + Math.round(10 * share(p))
        : 100;
  const step = !p
    ? ''
    : p.phase === 'lists'
      ? t('compliance.dnc.readingLists', { done: f.number(p.done), total: f.number(p.total) })
      : t('compliance.dnc.checkingLeads', { done: f.number(p.done), total: f.number(p.total) });
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500">{t('compliance.dnc.recheckQueue')}</dt>
        <dd
          className={`font-semibold tabular-nums ${recheck ? 'text-amber-700' : 'text-emerald-700'}`}
          data-testid="recheck-count"
          aria-busy={stale}
        >
          {recheck === undefined || stale ? '…' : f.number(recheck)}
        </dd>
        <dt className="text-slate-500">{t('compliance.dnc.lastScrub')}</dt>
        <dd>{lastScrub ? f.dateTime(lastScrub.at) : '—'}</dd>
        {lastScrub && (
          <>
            <dt className="text-slate-500">{t('compliance.dnc.checkedListed')}</dt>
            <dd className="tabular-nums">
              {t('compliance.dnc.checkedListedValue', {
                leads: f.number(lastScrub.leadCount),
                listed: f.number(lastScrub.listed),
              })}
            </dd>
            <dt className="text-slate-500">{t('compliance.dnc.againstVersions')}</dt>
            <dd className="tabular-nums">{lastScrub.versionIds.map((id) => `#${id}`).join(', ')}</dd>
          </>
        )}
      </dl>
      <Button variant="primary" onClick={() => scrub.mutate()} disabled={scrub.isPending}>
        {scrub.isPending ? t('compliance.dnc.scrubbing') : t('compliance.dnc.runScrub')}
      </Button>
      {p && (
        <div>
          <Progress label={t('compliance.dnc.scrubProgress')} value={pct} />
          <p className="mt-1 text-xs text-slate-600" data-testid="scrub-step">
            {step}
          </p>
        </div>
      )}
      {scrub.data && !scrub.isPending && (
        <p
          role="status"
          className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
          data-leads-from={scrub.data.phases.leadsFrom}
        >
          {t('compliance.dnc.scrubDone', {
            leads: f.number(scrub.data.leadCount),
            listed: f.number(scrub.data.listed),
            seconds: f.number(Math.round(scrub.data.seconds * 10) / 10),
          })}
        </p>
      )}
      {scrub.error && (
        <p role="alert" className="text-sm text-rose-700">
          {scrub.error.message}
        </p>
      )}
    </div>
  );
}
