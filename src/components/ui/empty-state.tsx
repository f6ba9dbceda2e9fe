import type { ReactNode } from 'react';

/**
 * What a list, table or chart shows when it has nothing to show: one sentence saying so (and
 * why, if known) and at most one way forward. `inline` for a line inside a card.
 */
export function EmptyState({
  children,
  action,
  inline = false,
  testId,
}: {
  children: ReactNode;
  action?: ReactNode;
  inline?: boolean;
  testId?: string;
}) {
  if (inline)
    return (
      <p className="text-sm text-slate-500" data-testid={testId}>
        {children}
      </p>
    );
  return (
    <div className="flex flex-col items-center gap-3 py-16 text-center" data-testid={testId}>
      <p className="max-w-md text-sm text-slate-500">{children}</p>
      {action}
    </div>
  );
}
