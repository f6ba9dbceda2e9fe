import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge';
import { Table, TableBody, TableHead, Td, Th } from '../../../components/ui/table';
import type { DncListRow } from '../../../db/repos/dnc-repo';
import { useFormatters } from '../model/use-formatters';

/** Every DNC list: kind, version in force, numbers listed; a row opens its versions. */
export function DncListsTable({ lists, selected }: { lists: DncListRow[]; selected: string | undefined }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <Table>
      <TableHead>
        <tr>
          <Th>{t('compliance.dnc.list')}</Th>
          <Th>{t('compliance.dnc.kind')}</Th>
          <Th>{t('compliance.dnc.inForce')}</Th>
          <Th numeric>{t('compliance.dnc.numbers')}</Th>
        </tr>
      </TableHead>
      <TableBody>
        {lists.map((l) => {
          const newest = l.versions[0];
          return (
            <tr key={l.id} data-testid={`dnc-list-${l.id}`} className={selected === l.id ? 'bg-indigo-50/60' : ''}>
              <Th scope="row">
                <Link to="/compliance/dnc" search={{ list: l.id }} className="text-indigo-700 hover:underline">
                  {l.name}
                </Link>
                {!l.active && <Badge className="ml-2">{t('compliance.dnc.inactive')}</Badge>}
              </Th>
              <Td className="text-slate-600">
                {t(`compliance.dnc.kinds.${l.kind}`)}
                {l.region ? ` · ${l.region}` : ''}
              </Td>
              <Td className="text-slate-600">
                {newest ? (
                  t('compliance.dnc.versionLine', { id: newest.id, date: f.date(newest.publishedAt) })
                ) : (
                  <span className="text-slate-500">{t('compliance.dnc.noVersion')}</span>
                )}
              </Td>
              <Td numeric>{f.number(l.listed)}</Td>
            </tr>
          );
        })}
      </TableBody>
    </Table>
  );
}
