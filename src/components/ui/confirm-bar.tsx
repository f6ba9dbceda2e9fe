import type { ReactNode } from 'react';
import { Button } from './button';

/**
 * An inline "are you sure?" bar (role=alertdialog): the question, a cancel button and the
 * button that does it. Both wait while `busy`.
 */
export function ConfirmBar({
  label,
  children,
  cancelLabel,
  confirmLabel,
  variant = 'danger',
  busy = false,
  onCancel,
  onConfirm,
  className = '',
}: {
  /** The dialog's accessible name. */
  label: string;
  /** The question. */
  children: ReactNode;
  cancelLabel: ReactNode;
  confirmLabel: ReactNode;
  variant?: 'danger' | 'primary';
  busy?: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  className?: string;
}) {
  return (
    <div
      role="alertdialog"
      aria-label={label}
      className={`flex flex-wrap items-center justify-between gap-3 rounded-lg bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200 ${className}`}
    >
      {children}
      <span className="flex gap-2">
        <Button onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </Button>
        <Button variant={variant} onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </Button>
      </span>
    </div>
  );
}
