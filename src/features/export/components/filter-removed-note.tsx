import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ReasonCode } from '../../../domain/compliance/verdict-types';
import type { Exclusions } from '../../../domain/import-export/call-list';
import type { LeadFilter } from '../../../domain/leads/lead-filter';
import { ReasonOverlapNote } from './reason-overlap-note';
import { cachedNumberFormat } from '../../../domain/time/intl-cache';

/**
 * A call list drawn from a grid already filtered to "callable now": the list itself excludes
 * (almost) nothing, so say how many leads the filter had already removed, and why.
 */
export function FilterRemovedNote({ without, relaxed }: { without: Exclusions | undefined; relaxed: LeadFilter }) {
  const { t, i18n } = useTranslation();
  const nf = cachedNumberFormat(i18n.language);
  if (!without) return <p className="mt-3 text-sm text-slate-500">{t('export.filterRemoved.counting')}</p>;
  const reasons = (Object.entries(without.byReason) as [ReasonCode, number][]).sort((a, b) => b[1] - a[1]);
  return (
    <div
      role="status"
      className="mt-3 rounded-lg bg-sky-50 px-4 py-3 text-sm text-sky-950 ring-1 ring-sky-200"
      data-testid="filter-removed"
    >
      <p>
        {t('export.filterRemoved.text', {
          count: without.excluded,
          removed: nf.format(without.excluded),
          total: nf.format(without.included + without.excluded),
        })}
      </p>
      {reasons.length > 0 && (
        <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {reasons.map(([code, n]) => (
            <li key={code} data-testid={`filter-removed-${code}`}>
              <Link to="/leads" search={{ ...relaxed, reason: [code] }} className="text-indigo-700 hover:underline">
                {t(`reason.${code}`)}
              </Link>{' '}
              <span className="tabular-nums">{nf.format(n)}</span>
            </li>
          ))}
        </ul>
      )}
      <ReasonOverlapNote exclusions={without} />
    </div>
  );
}
