import { useTranslation } from 'react-i18next';
import { moveItem } from './model/move-item';

/**
 * Choose and order items: the chosen ones first, in their order, each with a checkbox and move
 * up/down buttons; the others after them, unticked. Every change hands back the whole chosen list.
 */
export function OrderedChecklist<T extends string>({
  chosen,
  all,
  labelOf,
  onChange,
  label,
  className,
}: {
  chosen: readonly T[];
  /** Every item there is, in the order the unchosen ones are shown. */
  all: readonly T[];
  labelOf: (item: T) => string;
  onChange: (next: T[]) => void;
  /** The list's accessible name (leave it out inside a fieldset that has a legend). */
  label?: string;
  className: string;
}) {
  const { t } = useTranslation();
  const hidden = all.filter((c) => !chosen.includes(c));
  const move = (i: number, d: -1 | 1) => {
    if (i + d >= 0 && i + d < chosen.length) onChange(moveItem(chosen, i, d));
  };
  return (
    <ul aria-label={label} className={className}>
      {[...chosen, ...hidden].map((c) => {
        const i = chosen.indexOf(c);
        const name = labelOf(c);
        return (
          <li key={c} className="flex items-center gap-2 rounded px-2 py-1 hover:bg-slate-50">
            <label className="flex flex-1 items-center gap-2">
              <input
                type="checkbox"
                className="accent-indigo-600"
                checked={i >= 0}
                onChange={() => onChange(i >= 0 ? chosen.filter((x) => x !== c) : [...chosen, c])}
              />
              {name}
            </label>
            {i >= 0 && (
              <>
                <button
                  type="button"
                  aria-label={t('common.moveUp', { col: name })}
                  className="px-1 text-slate-500 hover:text-slate-800"
                  onClick={() => move(i, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={t('common.moveDown', { col: name })}
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
  );
}
