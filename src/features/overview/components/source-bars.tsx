import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { sourceFilter } from '../../../domain/overview/overview-links';
import { Table, TableBody, Td, Th } from '../../../components/ui/table';
import { cachedNumberFormat } from '../../../domain/time/intl-cache';

/** Leads per source as plain horizontal bars (a table for screen readers). */
export function SourceBars({
  rows,
  total,
}: {
  rows: { sourceId: string; name: string; count: number }[];
  total: number;
}) {
  const { t, i18n } = useTranslation();
  const nf = cachedNumberFormat(i18n.language);
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <Table caption={t('overview.sources')} captionHidden>
      <TableBody ruled={false}>
        {rows.map((r) => (
          <tr key={r.sourceId}>
            <Th scope="row" flush className="w-1/2 py-1 pr-3">
              <Link
                to="/leads"
                search={sourceFilter(r.sourceId)}
                data-testid={`source-link-${r.sourceId}`}
                className="hover:text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
              >
                {r.name}
              </Link>
            </Th>
            <Td flush className="py-1">
              <div className="flex items-center gap-2">
                <div className="h-2 rounded bg-indigo-500" style={{ width: `${(r.count / max) * 100}%` }} />
                <span className="tabular-nums text-slate-600">{nf.format(r.count)}</span>
              </div>
            </Td>
            <Td numeric flush className="w-16 py-1 text-slate-600">
              {total ? Math.round((r.count / total) * 100) : 0}%
            </Td>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
