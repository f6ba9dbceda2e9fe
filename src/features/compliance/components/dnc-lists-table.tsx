import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { DncListRow } from '../../../db/repos/dnc-repo';
import { useFormatters } from './use-formatters';

/** Every DNC list: kind, version in force, numbers listed; a row opens its versions. */
export function DncListsTable({ lists, selected }: { lists: DncListRow[]; selected: string | undefined }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <table className="w-full text-sm">
      <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th scope="col" className="py-2 pr-3 font-medium">
            {t('compliance.dnc.list')}
          </th>
          <th scope="col" className="py-2 pr-3 font-medium">
            {t('compliance.dnc.kind')}
          </th>
          <th scope="col" className="py-2 pr-3 font-medium">
            {t('compliance.dnc.inForce')}
          </th>
          <th scope="col" className="py-2 pr-3 text-right font-medium">
            {t('compliance.dnc.numbers')}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {lists.map((l) => {
          const newest = l.versions[0];
          return (
            <tr key={l.id} data-testid={`dnc-list-${l.id}`} className={selected === l.id ? 'bg-indigo-50/60' : ''}>
              <th scope="row" className="py-2 pr-3 text-left font-medium">
                <Link to="/compliance/dnc" search={{ list: l.id }} className="text-indigo-700 hover:underline">
                  {l.name}
                </Link>
                {!l.active && (
                  <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-500">
                    {t('compliance.dnc.inactive')}
                  </span>
                )}
              </th>
              <td className="py-2 pr-3 text-slate-600">
                {t(`compliance.dnc.kinds.${l.kind}`)}
                {l.region ? ` · ${l.region}` : ''}
              </td>
              <td className="py-2 pr-3 text-slate-600">
                {newest ? (
                  t('compliance.dnc.versionLine', { id: newest.id, date: f.date(newest.publishedAt) })
                ) : (
                  <span className="text-slate-500">{t('compliance.dnc.noVersion')}</span>
                )}
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">{f.number(l.listed)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
