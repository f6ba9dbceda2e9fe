import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSeedRun, type SeedRun } from '../api/seed-progress-store';
import { Progress } from '../../../components/ui/progress';

/** Seconds since `since`, ticking once a second while shown. */
function useSecondsSince(since: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.floor((now - since) / 1000));
}

/** "Writing leads 4,000 of 21,215", a bar over every record to write, and the time waited so far. */
export function SeedProgressLine({ run }: { run: SeedRun }) {
  const { t, i18n } = useTranslation();
  const seconds = useSecondsSince(run.startedAt);
  const nf = useMemo(() => new Intl.NumberFormat(i18n.language), [i18n.language]);
  const p = run.progress;
  const text = !p
    ? t('app.seed.starting')
    : p.phase === 'building'
      ? t('app.seed.building', { count: nf.format(p.done) })
      : p.phase === 'done'
        ? t('app.seed.done')
        : t(`app.seed.${p.phase}`, { done: nf.format(p.done), total: nf.format(p.total) });
  const pct = p && p.toWrite > 0 ? Math.round((100 * p.written) / p.toWrite) : 0;
  return (
    <div data-testid="seed-progress" className="space-y-2">
      <Progress label={t('app.seed.progress')} value={pct} valueText={text} />
      <p className="flex justify-between gap-4 text-sm text-slate-700">
        <span role="status" data-testid="seed-step" className="tabular-nums">
          {text}
        </span>
        <span className="tabular-nums text-slate-600">{t('app.seed.elapsed', { seconds: nf.format(seconds) })}</span>
      </p>
    </div>
  );
}

/**
 * First start: what is being written in the background and how far it has got, above the
 * screen, which is usable meanwhile and fills in as each part is stored (demo-repo.ts). It
 * subscribes to the progress itself, so a progress message re-renders this box, not the app
 * shell or the screen around it. Nothing while no first-start seed runs.
 */
export function SeedBanner() {
  const { t } = useTranslation();
  const current = useSeedRun();
  if (current?.kind !== 'first-start') return null;
  return (
    <section
      aria-labelledby="seed-title"
      className="mb-4 space-y-2 rounded-xl border border-indigo-200 bg-indigo-50 p-4 shadow-sm"
    >
      <h2 id="seed-title" className="text-base font-semibold text-indigo-950">
        {t('app.seed.title')}
      </h2>
      <p className="text-sm text-slate-700">{t('app.seed.explain')}</p>
      <SeedProgressLine run={current} />
    </section>
  );
}
