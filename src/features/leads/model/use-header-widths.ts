import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { GRID_COLUMNS, type GridColumnId } from '../leads-search';
import { SORTABLE } from '../components/grid-columns';

/** Padding (px-2.5 each side), the sort glyph with its gap, and room for the resize handle. */
const PADDING = 20 + 6;
const SORT_GLYPH = 15;

/**
 * How wide each column's header label is in the reader's language, as the header draws it
 * (12 px, semibold), measured once per language on a canvas.
 */
export function useHeaderWidths(): (id: GridColumnId) => number {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const ctx =
      typeof document === 'undefined' || /jsdom/.test(navigator.userAgent)
        ? null
        : document.createElement('canvas').getContext('2d');
    const family =
      typeof document === 'undefined' ? 'sans-serif' : getComputedStyle(document.body).fontFamily || 'sans-serif';
    if (ctx) ctx.font = `600 12px ${family}`;
    const widths = new Map<GridColumnId, number>();
    for (const id of GRID_COLUMNS) {
      const label = t(`leads.col.${id}`);
      // jsdom has no canvas: a generous estimate per character.
      const text = ctx ? ctx.measureText(label).width : label.length * 8;
      widths.set(id, text + PADDING + (SORTABLE[id] ? SORT_GLYPH : 0));
    }
    return (id: GridColumnId) => widths.get(id) ?? 0;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the labels change with the language only
  }, [i18n.language]);
}
