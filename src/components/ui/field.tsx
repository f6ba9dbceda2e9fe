import { useId, type ReactNode } from 'react';

/** A labelled form control with help text and an error, wired for screen readers. */
export function Field({
  label,
  help,
  error,
  children,
}: {
  label: ReactNode;
  help?: ReactNode;
  error?: ReactNode;
  children: (props: { id: string; 'aria-describedby': string; 'aria-invalid': boolean }) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children({ id, 'aria-describedby': `${id}-help`, 'aria-invalid': Boolean(error) })}
      <p id={`${id}-help`} className={`text-xs ${error ? 'text-rose-700' : 'text-slate-500'}`}>
        {error ?? help}
      </p>
    </div>
  );
}

export const inputClass =
  'block w-full rounded-md border-0 px-3 py-1.5 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-indigo-600 aria-[invalid=true]:ring-rose-500';
