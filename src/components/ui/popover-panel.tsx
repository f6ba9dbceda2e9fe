import { Popover } from 'radix-ui';
import type { ReactNode } from 'react';

/**
 * A trigger button and the floating panel it opens, in the house look (white card, shadow, 4 px off
 * the button). The panel's width and padding come from `panelClassName`.
 */
export function PopoverPanel({
  trigger,
  align,
  panelClassName,
  children,
}: {
  /** The button (rendered as the trigger itself: give it `type="button"`). */
  trigger: ReactNode;
  align: 'start' | 'end';
  panelClassName: string;
  children: ReactNode;
}) {
  return (
    <Popover.Root>
      <Popover.Trigger asChild>{trigger}</Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align={align}
          sideOffset={4}
          className={`z-50 rounded-lg border border-slate-200 bg-white shadow-lg ${panelClassName}`}
        >
          {children}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

/** A toolbar button (columns, saved views) that opens a panel below its right edge. */
export function ToolbarPopover({
  label,
  panelClassName,
  children,
}: {
  label: ReactNode;
  panelClassName: string;
  children: ReactNode;
}) {
  return (
    <PopoverPanel
      align="end"
      panelClassName={panelClassName}
      trigger={
        <button
          type="button"
          className="rounded-md bg-white px-3 py-1.5 text-sm text-slate-700 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50"
        >
          {label}
        </button>
      }
    >
      {children}
    </PopoverPanel>
  );
}
