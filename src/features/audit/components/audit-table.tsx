import { useTranslation } from 'react-i18next';
import type { AuditEntry, RedactedDetails } from '../../../domain/audit/audit-entry';
import { isRedacted } from '../../../domain/audit/audit-hash';

/** The trail as a table; content is rendered as text, never as HTML. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t, i18n } = useTranslation();
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });
  if (entries.length === 0) return <p className="text-sm text-slate-500">{t('audit.empty')}</p>;
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="px-3 py-2">#</th>
            <th className="px-3 py-2">{t('audit.at')}</th>
            <th className="px-3 py-2">{t('audit.actor')}</th>
            <th className="px-3 py-2">{t('audit.action')}</th>
            <th className="px-3 py-2">{t('audit.entity')}</th>
            <th className="px-3 py-2 text-right">{t('audit.count')}</th>
            <th className="px-3 py-2">{t('audit.hash')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((e) => (
            <tr key={e.seq} data-testid="audit-row">
              <td className="px-3 py-2 tabular-nums text-slate-500">{e.seq}</td>
              <td className="px-3 py-2 whitespace-nowrap">{fmt.format(e.at)}</td>
              <td className="px-3 py-2">{e.actor}</td>
              <td className="px-3 py-2">
                <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">{e.action}</span>
                {e.note && <span className="ml-2 text-slate-500">{e.note}</span>}
                {isRedacted(e) && (
                  <span className="ml-2 rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-800 ring-1 ring-amber-200" data-testid="audit-redacted">
                    {t('audit.redacted', { date: fmt.format((e.before as RedactedDetails).at) })}
                  </span>
                )}
              </td>
              <td className="px-3 py-2">{e.entity}</td>
              <td className="px-3 py-2 text-right tabular-nums">{e.ids.length}</td>
              <td className="px-3 py-2 font-mono text-xs text-slate-400">{e.hash.slice(0, 12)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
