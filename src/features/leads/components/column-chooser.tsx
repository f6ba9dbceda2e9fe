import { memo } from 'react';
import { Popover } from 'radix-ui';
import { useTranslation } from 'react-i18next';
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
  const hidden = GRID_COLUMNS.filter((c) => !columns.includes(c));
  const move = (i: number, d: -1 | 1) => {
    const next = [...columns];
    const j = i + d;
    if (j < 0 || j >= next.length) return;
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange(next);
  };
  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <button
          type="button"
          className="rounded-md bg-white px-3 py-1.5 text-sm text-slate-700 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50"
        >
          {t('leads.columns')}
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={4}
          className="z-50 w-72 rounded-lg border border-slate-200 bg-white p-2 shadow-lg"
        >
          <ul aria-label={t('leads.columns')} className="max-h-96 overflow-auto">
            {[...columns, ...hidden].map((c) => {
              const i = columns.indexOf(c);
              return (
                <li key={c} className="flex items-center gap-2 rounded px-1 py-1 text-sm hover:bg-slate-50">
                  <label className="flex flex-1 items-center gap-2">
                    <input
                      type="checkbox"
                      className="accent-indigo-600"
                      checked={i >= 0}
                      onChange={() => onChange(i >= 0 ? columns.filter((x) => x !== c) : [...columns, c])}
                    />
                    {t(`leads.col.${c}`)}
                  </label>
                  {i >= 0 && (
                    <>
                      <button
                        type="button"
                        aria-label={t('leads.moveUp', { col: t(`leads.col.${c}`) })}
                        className="px-1 text-slate-500 hover:text-slate-800"
                        onClick={() => move(i, -1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        aria-label={t('leads.moveDown', { col: t(`leads.col.${c}`) })}
                        className="px-1 text-slate-500 hover:text-slate-800"
                        onClick={() => move(i, 1)}
                      >
                        ↓
                      </button>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
          <button
            type="button"
            className="mt-2 text-xs text-indigo-700 hover:underline"
            onClick={() => onChange(undefined)}
          >
            {t('leads.resetColumns', { count: DEFAULT_COLUMNS.length })}
          </button>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
});
