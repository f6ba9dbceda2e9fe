import { useTranslation } from 'react-i18next';
import type { DncListRow } from '../../../db/repos/dnc-repo';
import { useFormatters } from './use-formatters';

/** A list's immutable versions, newest first, with the file facts each was imported from. */
export function DncVersionsTable({ list }: { list: DncListRow }) {
  const { t } = useTranslation();
  const f = useFormatters();
  if (list.versions.length === 0) return <p className="text-sm text-slate-500">{t('compliance.dnc.noVersion')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" aria-label={t('compliance.dnc.versionsOf', { name: list.name })}>
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">
              #
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              {t('compliance.dnc.published')}
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              {t('compliance.dnc.importedAt')}
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              {t('compliance.dnc.file')}
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              {t('compliance.dnc.numbers')}
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              {t('compliance.dnc.invalid')}
            </th>
            <th scope="col" className="py-2 font-medium">
              {t('compliance.dnc.sha256')}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {list.versions.map((v, i) => (
            <tr key={v.id} data-testid="dnc-version-row">
              <td className="py-2 pr-3 tabular-nums text-slate-500">
                {v.id}
                {i === 0 && (
                  <span className="ml-2 rounded-full bg-emerald-50 px-1.5 py-0.5 text-xs text-emerald-700 ring-1 ring-emerald-200">
                    {t('compliance.dnc.newest')}
                  </span>
                )}
              </td>
              <td className="py-2 pr-3">{f.date(v.publishedAt)}</td>
              <td className="py-2 pr-3 text-slate-600">{f.dateTime(v.importedAt)}</td>
              <td className="max-w-48 truncate py-2 pr-3 text-slate-600" title={v.fileName}>
                {v.fileName}
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">{f.number(v.rowCount)}</td>
              <td className="py-2 pr-3 text-right tabular-nums text-slate-500">
                {v.invalidCount === undefined ? '—' : f.number(v.invalidCount)}
              </td>
              <td className="py-2 font-mono text-xs text-slate-500" title={v.sha256 || undefined}>
                {v.sha256 ? `${v.sha256.slice(0, 12)}…` : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
