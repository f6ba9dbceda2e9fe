import type { ReactNode } from 'react';
import { Button } from './button';

/** A form's submit button and, once saved, a line that says so (announced as a status). */
export function SaveRow({
  label,
  pending,
  savedMessage,
  className = '',
  children,
}: {
  label: string;
  /** The save is under way: the button waits. */
  pending: boolean;
  /** Shown beside the button after a save; nothing when falsy. */
  savedMessage: string | false | null | undefined;
  className?: string;
  /** After the status, e.g. an error. */
  children?: ReactNode;
}) {
  return (
    <div className={`flex items-center gap-3 ${className}`}>
      <Button type="submit" variant="primary" disabled={pending}>
        {label}
      </Button>
      {savedMessage && (
        <span role="status" className="text-sm text-emerald-700">
          {savedMessage}
        </span>
      )}
      {children}
    </div>
  );
}
