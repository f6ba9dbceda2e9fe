import {
  createContext,
  useContext,
  type HTMLAttributes,
  type ReactNode,
  type TableHTMLAttributes,
  type TdHTMLAttributes,
  type ThHTMLAttributes,
} from 'react';

/** Cell padding for the whole table: `compact` for dense grids of figures and previews. */
type Density = 'normal' | 'compact';
const DensityContext = createContext<Density>('normal');
const PAD: Record<Density, string> = { normal: 'px-3 py-2', compact: 'px-2 py-1' };

/**
 * A real `<table>` with the house look: a caption (shown, or for screen readers only), a header
 * row of `<th scope>`, figures right-aligned in tabular numbers. Wrap it in `overflow-x-auto`
 * where it may be wider than its card.
 */
export function Table({
  caption,
  captionHidden = false,
  density = 'normal',
  className = '',
  children,
  ...props
}: TableHTMLAttributes<HTMLTableElement> & {
  caption?: ReactNode;
  /** The caption names the table for assistive technology only (a card's title already shows it). */
  captionHidden?: boolean;
  density?: Density;
  'data-testid'?: string;
}) {
  return (
    <DensityContext value={density}>
      <table className={`w-full ${density === 'compact' ? 'text-xs' : 'text-sm'} ${className}`} {...props}>
        {caption && (
          <caption className={captionHidden ? 'sr-only' : 'mb-2 text-left text-sm font-medium text-slate-800'}>
            {caption}
          </caption>
        )}
        {children}
      </table>
    </DensityContext>
  );
}

/**
 * The header rows; `sticky` keeps them in view while the table's box scrolls. `caps` (small
 * capitals) unless the headings must stay narrow (`caps={false}`: a grid of week columns).
 */
export function TableHead({
  sticky = false,
  caps = true,
  children,
}: {
  sticky?: boolean;
  caps?: boolean;
  children: ReactNode;
}) {
  return (
    <thead
      className={`bg-slate-50 text-left text-xs font-semibold text-slate-500 ${caps ? 'uppercase tracking-wide' : ''} ${sticky ? 'sticky top-0 z-[1]' : ''}`}
    >
      {children}
    </thead>
  );
}

/** The body rows, ruled apart unless `ruled={false}` (cells that draw their own boxes). */
export function TableBody({
  ruled = true,
  className = '',
  ...props
}: HTMLAttributes<HTMLTableSectionElement> & { ruled?: boolean }) {
  return <tbody className={`${ruled ? 'divide-y divide-slate-100' : ''} ${className}`} {...props} />;
}

/**
 * A header cell: `scope="col"` unless it heads a row. `numeric` right-aligns it over a column of
 * figures. `flush` drops the house padding (the cell draws its own, e.g. a heat-map swatch).
 */
export function Th({
  scope = 'col',
  numeric = false,
  flush = false,
  className = '',
  ...props
}: ThHTMLAttributes<HTMLTableCellElement> & {
  scope?: 'col' | 'row' | 'colgroup' | 'rowgroup';
  numeric?: boolean;
  flush?: boolean;
}) {
  const density = useContext(DensityContext);
  const row = scope === 'row' || scope === 'rowgroup';
  return (
    <th
      scope={scope}
      className={`${flush ? '' : PAD[density]} ${numeric ? 'text-right tabular-nums' : 'text-left'} ${row ? 'font-medium normal-case tracking-normal text-slate-800' : ''} ${className}`}
      {...props}
    />
  );
}

/** A data cell: `numeric` right-aligns it in tabular numbers; `flush` drops the house padding. */
export function Td({
  numeric = false,
  flush = false,
  className = '',
  ...props
}: TdHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean; flush?: boolean }) {
  const density = useContext(DensityContext);
  return (
    <td
      className={`${flush ? '' : PAD[density]} ${numeric ? 'text-right tabular-nums' : ''} ${className}`}
      {...props}
    />
  );
}
