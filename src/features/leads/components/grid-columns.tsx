/**
 * Column definitions of the leads grid, outside any component (TanStack Table v9). The table
 * holds no rows: it carries the columns' order, visibility and widths (with resizing) for the
 * header and the body; the worker's index answers filter and sort and sends the rows as shown.
 */
import {
  columnOrderingFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  tableFeatures,
} from '@tanstack/react-table';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisplayRow } from '../../../domain/leads/display-row';
import type { GridColumnId } from '../leads-search';

export const gridFeatures = tableFeatures({
  columnSizingFeature,
  columnResizingFeature,
  columnVisibilityFeature,
  columnOrderingFeature,
});
const helper = createColumnHelper<typeof gridFeatures, DisplayRow>();

/** Column id → the sort key it sorts by (columns without one are not sortable). */
export const SORTABLE: Partial<Record<GridColumnId, string>> = {
  name: 'name',
  source: 'source',
  acquiredAt: 'acquiredAt',
  createdAt: 'createdAt',
  dataAge: 'dataAge',
  lastContact: 'lastContactAt',
  attempts: 'attempts',
};

/**
 * A column's title. Memoised: the header row renders again on every filter, sort and selection
 * change, and the sixteen titles' translations were 11–16 ms of each (a profile of a filter at 100k);
 * a language switch still renders them (useTranslation).
 */
const Header = memo(function Header({ id }: { id: GridColumnId }) {
  const { t } = useTranslation();
  return <>{t(`leads.col.${id}`)}</>;
});

/** Default widths in px (the user can resize each). */
const SIZES: Record<GridColumnId, number> = {
  phone: 170,
  name: 160,
  company: 150,
  source: 140,
  campaign: 130,
  acquiredAt: 170,
  createdAt: 120,
  dataAge: 90,
  consent: 110,
  dnc: 100,
  lastContact: 120,
  attempts: 80,
  lastOutcome: 120,
  tags: 120,
  verdict: 150,
  stage: 110,
};

export const gridColumns = helper.columns(
  (Object.keys(SIZES) as GridColumnId[]).map((id) =>
    helper.display({ id, size: SIZES[id], header: () => <Header id={id} /> }),
  ),
);

/** A visible column as the body draws it. */
export interface BodyColumn {
  id: GridColumnId;
  size: number;
}
