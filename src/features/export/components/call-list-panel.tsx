import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { inputClass } from '../../../components/ui/field';
import type { Exclusions, StaleListCopy } from '../../../domain/import-export/call-list';
import type { ReasonCode } from '../../../domain/compliance/verdict-types';
import type { LeadFilter } from '../../../domain/leads/lead-filter';
import { formatInZone, parseLocal } from '../../../domain/time/calendar';
import { ReasonOverlapNote } from './reason-overlap-note';
import { localeDateFormat } from '../../../i18n/use-date-format';
import { DATE } from '../../../domain/time/date-styles';
import { cachedNumberFormat } from '../../../domain/time/intl-cache';

const LOCAL = "yyyy-MM-dd'T'HH:mm";

interface Props {
  at: number;
  /** The page's notion of now (the earliest time the input offers). */
  now: number;
  onAt: (at: number | undefined) => void;
  preview: { exclusions: Exclusions; stale: StaleListCopy[]; at: number } | undefined;
  loading: boolean;
  filter: LeadFilter;
  override: string;
  onOverride: (text: string) => void;
  timeZone: string;
  /** The export worker refused the list over a stale copy this preview did not show: ask for the reason anyway. */
  refused?: boolean;
}

/** Before a call list is written: who is excluded and why (each count opens the grid), and stale DNC copies. */
export function CallListPanel({
  at,
  now,
  onAt,
  preview,
  loading,
  filter,
  override,
  onOverride,
  timeZone,
  refused = false,
}: Props) {
  const { t, i18n } = useTranslation();
  const nf = cachedNumberFormat(i18n.language);
  const date = localeDateFormat(i18n.language, DATE);
  return (
    <div className="mt-4 space-y-4">
      <label className="block max-w-xs text-sm font-medium text-slate-700">
        {t('export.callableAt')}
        <input
          type="datetime-local"
          className={`${inputClass} mt-1`}
          min={formatInZone(now, LOCAL, timeZone)}
          value={formatInZone(at, LOCAL, timeZone)}
          onChange={(e) => onAt(parseLocal(e.target.value, LOCAL, timeZone) ?? undefined)}
          aria-describedby="callable-at-help"
        />
        <span className="text-xs font-normal text-slate-500">{timeZone}</span>
        <span id="callable-at-help" className="block text-xs font-normal text-slate-500">
          {t('export.callableAtHelp')}
        </span>
      </label>
      {preview && preview.at > at && (
        <p role="status" className="text-sm text-amber-800" data-testid="call-list-moved">
          {t('export.atMovedToNow', { time: formatInZone(preview.at, 'yyyy-MM-dd HH:mm', timeZone) })}
        </p>
      )}
      {loading && !preview && <p className="text-sm text-slate-500">{t('export.judging')}</p>}
      {preview && (
        <div data-testid="call-list-preview" aria-busy={loading}>
          <p className="text-sm">
            <span className="font-semibold text-emerald-700" data-testid="call-list-included">
              {nf.format(preview.exclusions.included)}
            </span>{' '}
            {t('export.included')} ·{' '}
            <span className="font-semibold text-rose-700" data-testid="call-list-excluded">
              {nf.format(preview.exclusions.excluded)}
            </span>{' '}
            {t('export.excluded')}
          </p>
          <ul className="mt-2 divide-y divide-slate-100 text-sm">
            {(Object.entries(preview.exclusions.byReason) as [ReasonCode, number][])
              .sort((a, b) => b[1] - a[1])
              .map(([code, n]) => (
                <li key={code} className="flex justify-between py-1.5" data-testid={`excluded-${code}`}>
                  <Link to="/leads" search={{ ...filter, reason: [code] }} className="text-indigo-700 hover:underline">
                    {t(`reason.${code}`)}
                  </Link>
                  <span className="tabular-nums">{nf.format(n)}</span>
                </li>
              ))}
          </ul>
          <ReasonOverlapNote exclusions={preview.exclusions} />
        </div>
      )}
      {((preview && preview.stale.length > 0) || refused) && (
        <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm text-rose-900">
          <p className="font-medium">{t('export.staleTitle')}</p>
          <ul className="mt-1 list-disc pl-5">
            {(preview?.stale ?? []).map((s) => (
              <li key={s.listId}>
                {s.publishedAt === null
                  ? t('export.staleNone', { list: s.listId })
                  : t('export.staleCopy', {
                      list: s.listId,
                      date: date.format(s.publishedAt),
                      age: s.ageDays,
                      max: s.maxAgeDays,
                    })}
              </li>
            ))}
          </ul>
          <label className="mt-3 block font-medium">
            {t('export.overrideLabel')}
            <textarea
              className={`${inputClass} mt-1`}
              rows={2}
              value={override}
              onChange={(e) => onOverride(e.target.value)}
            />
            <span className="text-xs font-normal">{t('export.overrideHelp')}</span>
          </label>
        </div>
      )}
    </div>
  );
}
