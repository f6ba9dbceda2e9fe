import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { sourceFilter } from '../../../domain/overview/overview-links';

/** Leads per source as plain horizontal bars (a table for screen readers). */
export function SourceBars({
  rows,
  total,
}: {
  rows: { sourceId: string; name: string; count: number }[];
  total: number;
}) {
  const { i18n } = useTranslation();
  const nf = new Intl.NumberFormat(i18n.language);
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <table className="w-full text-sm">
      <tbody>
        {rows.map((r) => (
          <tr key={r.sourceId}>
            <th scope="row" className="w-1/2 py-1 pr-3 text-left font-normal text-slate-700">
              <Link
                to="/leads"
                search={sourceFilter(r.sourceId)}
                data-testid={`source-link-${r.sourceId}`}
                className="hover:text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
              >
                {r.name}
              </Link>
            </th>
            <td className="py-1">
              <div className="flex items-center gap-2">
                <div className="h-2 rounded bg-indigo-500" style={{ width: `${(r.count / max) * 100}%` }} />
                <span className="tabular-nums text-slate-600">{nf.format(r.count)}</span>
              </div>
            </td>
            <td className="w-16 py-1 text-right tabular-nums text-slate-600">
              {total ? Math.round((r.count / total) * 100) : 0}%
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
