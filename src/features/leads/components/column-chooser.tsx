import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { OrderedChecklist } from '../../../components/ui/ordered-checklist';
import { ToolbarPopover } from '../../../components/ui/popover-panel';
import { DEFAULT_COLUMNS, GRID_COLUMNS, type GridColumnId } from '../leads-search';

/** Show, hide and reorder columns; the result lives in the URL. */
export const ColumnChooser = memo(function ColumnChooser({
  columns,
  onChange,
}: {
  columns: GridColumnId[];
  onChange: (cols: GridColumnId[] | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <ToolbarPopover label={t('leads.columns')} panelClassName="w-72 p-2">
      <OrderedChecklist
        label={t('leads.columns')}
        className="max-h-96 overflow-auto text-sm"
        chosen={columns}
        all={GRID_COLUMNS}
        labelOf={(c) => t(`leads.col.${c}`)}
        onChange={onChange}
      />
      <button
        type="button"
        className="mt-2 text-xs text-indigo-700 hover:underline"
        onClick={() => onChange(undefined)}
      >
        {t('leads.resetColumns', { count: DEFAULT_COLUMNS.length })}
      </button>
    </ToolbarPopover>
  );
});
