/**
 * Column widths that fit: every header readable in the reader's language (never "LAST CONTAC"),
 * every column at least the width its content needs, and the columns widened together to fill
 * the grid when there is room. A column the user resized keeps the width they gave it.
 */
import type { GridColumnId } from '../leads-search';

/** The narrowest each column's content reads at (a date with its age, a badge, a phone number). */
export const CONTENT_MIN: Record<GridColumnId, number> = {
  // A number reads whole, the call list's key (+86 138 0013 8000 in 13 px monospace, with the cell's padding).
  phone: 155,
  // A first and last name of the usual length ("Anthony Jackson") reads whole.
  name: 130,
  company: 100,
  source: 100,
  campaign: 100,
  acquiredAt: 130,
  createdAt: 95,
  dataAge: 70,
  // The longest consent badge ("Withdrawn") reads whole.
  consent: 100,
  // The longest state's badge ("Unchecked") reads whole.
  dnc: 95,
  lastContact: 95,
  attempts: 60,
  lastOutcome: 100,
  tags: 80,
  verdict: 110,
  // The longest stage badge ("Suppressed") reads whole.
  stage: 110,
};

/** Widths for `columns`: at least max(content, header), widened in proportion to fill `available` px. */
export function fitColumnWidths(
  columns: readonly GridColumnId[],
  headerWidth: (id: GridColumnId) => number,
  available: number,
  resized: Partial<Record<GridColumnId, number>> = {},
): Record<string, number> {
  const base = columns.map((id) => resized[id] ?? Math.ceil(Math.max(CONTENT_MIN[id], headerWidth(id))));
  const total = base.reduce((a, b) => a + b, 0);
  const flexible = columns.reduce((sum, id, i) => (resized[id] === undefined ? sum + base[i]! : sum), 0);
  const extra = available - total;
  const out: Record<string, number> = {};
  columns.forEach((id, i) => {
    const grow = extra > 0 && flexible > 0 && resized[id] === undefined ? Math.floor((extra * base[i]!) / flexible) : 0;
    out[id] = base[i]! + grow;
  });
  return out;
}
