import type { ReactNode } from 'react';

/** A screen that is not built yet says what is coming, nothing more. */
export function Placeholder({ title, description, badge }: { title: ReactNode; description: ReactNode; badge: ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
      <span className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700">{badge}</span>
      <h1 className="mt-3 text-xl font-semibold text-slate-900">{title}</h1>
      <p className="mx-auto mt-2 max-w-xl text-sm text-slate-500">{description}</p>
    </div>
  );
}
