import type { ReactNode } from 'react';

/** One headline figure with a label and an optional note. */
export function StatCard({
  label,
  value,
  note,
  tone = 'neutral',
  testId,
}: {
  label: ReactNode;
  value: ReactNode;
  note?: ReactNode;
  tone?: 'neutral' | 'good' | 'warn' | 'bad';
  testId?: string;
}) {
  const accent = { neutral: 'text-slate-900', good: 'text-emerald-700', warn: 'text-amber-700', bad: 'text-rose-700' }[
    tone
  ];
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid={testId}>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className={`mt-2 text-3xl font-semibold tabular-nums ${accent}`}>{value}</dd>
      {note && <dd className="mt-1 text-xs text-slate-500">{note}</dd>}
    </div>
  );
}
