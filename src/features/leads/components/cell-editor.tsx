/**
 * The editor of one grid cell, drawn in place of the cell: a text box, or a list for source and
 * campaign. Enter or leaving the cell saves, Escape cancels; its keys never reach the grid (the
 * arrows move the caret, not the row focus). Saving is the grid's (one bulk edit of one lead).
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisplayRow } from '../../../domain/leads/display-row';
import type { BulkOp } from '../../../domain/leads/bulk-edit';
import { inlineEditOp, inlineText, type InlineColumn } from '../../../domain/leads/inline-edit';
import { useCatalog } from '../../../shared/catalog/use-catalog';

interface Props {
  row: DisplayRow;
  column: InlineColumn;
  /** The last failed save (a new object per failure), shown under the box. */
  failure: { message: string } | null;
  /** Save `op` (null: nothing changed, just close). */
  onCommit: (op: BulkOp | null) => void;
  onCancel: () => void;
}

const box =
  'h-7 w-full rounded border-0 px-1.5 text-sm text-slate-900 ring-2 ring-indigo-600 aria-[invalid=true]:ring-rose-600';

export function CellEditor({ row, column, failure, onCommit, onCancel }: Props) {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const values = {
    name: row.name,
    company: row.company,
    sourceId: row.sourceId,
    campaignId: row.campaignId,
    tags: row.tags,
  };
  const [text, setText] = useState(() => inlineText(column, values));
  const [problem, setProblem] = useState<string | null>(null);
  const error = problem ?? failure?.message ?? null;
  // One answer per attempt: Enter saves and the blur that follows must not save again; a failed save opens a new attempt.
  const settled = useRef(false);
  useEffect(() => {
    settled.current = false;
  }, [failure]);
  const finish = (how: () => void) => {
    if (settled.current) return;
    settled.current = true;
    how();
  };
  const commit = () => {
    const result = inlineEditOp(column, values, text);
    if (!result.ok) return setProblem(t(`leads.inline.problem.${result.problem}`));
    finish(() => onCommit(result.op));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      finish(onCancel);
    }
  };
  const common = {
    'aria-label': t('leads.inline.label', { column: t(`leads.col.${column}`), name: row.name || row.phone }),
    'aria-invalid': error !== null,
    'aria-errormessage': error !== null ? `cell-error-${row.id}` : undefined,
    autoFocus: true,
    onKeyDown,
    onBlur: commit,
    onClick: (e: { stopPropagation: () => void }) => e.stopPropagation(),
    onDoubleClick: (e: { stopPropagation: () => void }) => e.stopPropagation(),
    className: box,
    'data-testid': 'cell-editor',
  };
  const options = column === 'source' ? catalog?.sources : column === 'campaign' ? catalog?.campaigns : undefined;
  return (
    <div className="relative w-full">
      {options ? (
        <select
          {...common}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setProblem(null);
          }}
        >
          {column === 'campaign' && <option value="">{t('leads.inline.noCampaign')}</option>}
          {/* The lead's own value stays choosable while the catalogue loads or if it was renamed away. */}
          {!options.some((o) => o.id === text) && text && <option value={text}>{text}</option>}
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setProblem(null);
          }}
          placeholder={column === 'tags' ? t('leads.inline.tagsHint') : undefined}
        />
      )}
      {error !== null && (
        <p
          id={`cell-error-${row.id}`}
          role="alert"
          className="absolute left-0 top-8 z-20 whitespace-nowrap rounded bg-rose-700 px-2 py-0.5 text-xs text-white shadow"
        >
          {error}
        </p>
      )}
    </div>
  );
}
