import type { ReactNode } from 'react';

/**
 * What a list, table or chart shows when it has nothing to show: one sentence saying so (and
 * why, if known) and at most one way forward. Centred in the card it sits in; `inline` for a
 * line inside a card; `framed` where no card surrounds it (a dashed box in the card's place).
 */
export function EmptyState({
  children,
  action,
  inline = false,
  framed = false,
  testId,
}: {
  children: ReactNode;
  action?: ReactNode;
  inline?: boolean;
  framed?: boolean;
  testId?: string;
}) {
  if (inline)
    return (
      <p className="text-sm text-slate-500" data-testid={testId}>
        {children}
      </p>
    );
  return (
    <div
      className={`flex flex-col items-center gap-3 text-center ${framed ? 'rounded-xl border border-dashed border-slate-300 bg-white p-8' : 'py-16'}`}
      data-testid={testId}
    >
      <p className="max-w-md text-sm text-slate-500">{children}</p>
      {action}
    </div>
  );
}
