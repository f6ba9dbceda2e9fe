import { AlertDialog, Dialog as RadixDialog } from 'radix-ui';
import { createContext, useContext, type ReactNode } from 'react';
import { useReturnFocus } from './model/use-return-focus';

/** Whether the parts below sit in an alert dialog (a confirmation) or a plain one. */
const AlertContext = createContext(false);

type Size = 'md' | 'lg' | 'xl';
const WIDTH: Record<Size, string> = { md: 'w-[34rem]', lg: 'w-[36rem]', xl: 'w-[52rem]' };
const CENTRED =
  'fixed left-1/2 top-12 max-h-[calc(100vh-4rem)] max-w-[calc(100vw-2rem)] -translate-x-1/2 overflow-y-auto rounded-xl bg-white p-6 shadow-xl';
const SHEET = 'fixed inset-y-0 right-0 z-50 flex w-[36rem] max-w-full flex-col overflow-y-auto bg-white shadow-2xl';

/**
 * A modal dialog, open while mounted: Radix traps focus inside, Escape and the overlay close it
 * (`onClose`), and focus returns to the element that had it when the dialog mounted (or to
 * `returnFocusFallback()` when that element is gone). `alert` makes it a confirmation
 * (role alertdialog; the overlay does not close it; it stacks above a sheet). `side="right"`
 * makes it a full-height sheet. Without a `DialogDescription`, pass `describedBy={null}`.
 */
export function Dialog({
  onClose,
  alert = false,
  side = 'center',
  size = 'md',
  returnFocusFallback,
  describedBy,
  testId,
  children,
}: {
  onClose: () => void;
  alert?: boolean;
  side?: 'center' | 'right';
  size?: Size;
  returnFocusFallback?: () => HTMLElement | null | undefined;
  describedBy?: null;
  testId?: string;
  children: ReactNode;
}) {
  const returnFocus = useReturnFocus(returnFocusFallback);
  const onOpenChange = (open: boolean) => {
    if (!open) onClose();
  };
  const noDescription = describedBy === null ? { 'aria-describedby': undefined } : {};
  if (alert)
    return (
      <AlertContext value>
        <AlertDialog.Root open onOpenChange={onOpenChange}>
          <AlertDialog.Portal>
            <AlertDialog.Overlay className="fixed inset-0 z-[60] bg-slate-900/40" />
            <AlertDialog.Content
              onCloseAutoFocus={returnFocus}
              className={`${CENTRED} z-[70] ${WIDTH[size]}`}
              data-testid={testId}
              {...noDescription}
            >
              {children}
            </AlertDialog.Content>
          </AlertDialog.Portal>
        </AlertDialog.Root>
      </AlertContext>
    );
  return (
    <RadixDialog.Root open onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay
          className={`fixed inset-0 z-40 ${side === 'right' ? 'bg-slate-900/20' : 'bg-slate-900/30'}`}
        />
        <RadixDialog.Content
          onCloseAutoFocus={returnFocus}
          className={side === 'right' ? SHEET : `${CENTRED} z-50 ${WIDTH[size]}`}
          data-testid={testId}
          {...noDescription}
        >
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** The dialog's accessible name. */
export function DialogTitle({ children }: { children: ReactNode }) {
  const Title = useContext(AlertContext) ? AlertDialog.Title : RadixDialog.Title;
  return <Title className="text-lg font-semibold text-slate-900">{children}</Title>;
}

/** The dialog's accessible description; `strong` when it is the content itself, not a note about it. */
export function DialogDescription({ strong = false, children }: { strong?: boolean; children: ReactNode }) {
  const Description = useContext(AlertContext) ? AlertDialog.Description : RadixDialog.Description;
  return (
    <Description className={strong ? 'mt-2 text-base text-slate-900' : 'mt-1 text-sm text-slate-600'}>
      {children}
    </Description>
  );
}

/** Wraps one element (a Button) that closes the dialog; in an alert dialog it is the Cancel. */
export function DialogClose({ children }: { children: ReactNode }) {
  const Close = useContext(AlertContext) ? AlertDialog.Cancel : RadixDialog.Close;
  return <Close asChild>{children}</Close>;
}

/** The row of actions at the foot of a dialog, the main one last. */
export function DialogFooter({ children }: { children: ReactNode }) {
  return <div className="mt-6 flex justify-end gap-2">{children}</div>;
}
