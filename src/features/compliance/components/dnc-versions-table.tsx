import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge';
import { EmptyState } from '../../../components/ui/empty-state';
import { Table, TableBody, TableHead, Td, Th } from '../../../components/ui/table';
import type { DncListRow } from '../../../db/repos/dnc-repo';
import { useFormatters } from '../model/use-formatters';

/** A list's immutable versions, newest first, with the file facts each was imported from. */
export function DncVersionsTable({ list }: { list: DncListRow }) {
  const { t } = useTranslation();
  const f = useFormatters();
  if (list.versions.length === 0) return <EmptyState inline>{t('compliance.dnc.noVersion')}</EmptyState>;
  return (
    // Wider than its card on a narrow screen: the scrolling box takes focus, so a keyboard can scroll it.
    <div
      className="overflow-x-auto"
      tabIndex={0}
      role="region"
      aria-label={t('compliance.dnc.versionsOf', { name: list.name })}
    >
      <Table caption={t('compliance.dnc.versionsOf', { name: list.name })} captionHidden>
        <TableHead>
          <tr>
            <Th>#</Th>
            <Th>{t('compliance.dnc.published')}</Th>
            <Th>{t('compliance.dnc.importedAt')}</Th>
            <Th>{t('compliance.dnc.file')}</Th>
            <Th numeric>{t('compliance.dnc.numbers')}</Th>
            <Th numeric>{t('compliance.dnc.invalid')}</Th>
            <Th>{t('compliance.dnc.sha256')}</Th>
          </tr>
        </TableHead>
        <TableBody>
          {list.versions.map((v, i) => (
            <tr key={v.id} data-testid="dnc-version-row">
              <Td className="tabular-nums text-slate-500">
                {v.id}
                {i === 0 && (
                  <Badge tone="good" className="ml-2">
                    {t('compliance.dnc.newest')}
                  </Badge>
                )}
              </Td>
              <Td>{f.date(v.publishedAt)}</Td>
              <Td className="text-slate-600">{f.dateTime(v.importedAt)}</Td>
              <Td className="max-w-48 truncate text-slate-600" title={v.fileName}>
                {v.fileName}
              </Td>
              <Td numeric>{f.number(v.rowCount)}</Td>
              <Td numeric className="text-slate-500">
                {v.invalidCount === undefined ? '—' : f.number(v.invalidCount)}
              </Td>
              <Td className="font-mono text-xs text-slate-500" title={v.sha256 || undefined}>
                {v.sha256 ? `${v.sha256.slice(0, 12)}…` : '—'}
              </Td>
            </tr>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
