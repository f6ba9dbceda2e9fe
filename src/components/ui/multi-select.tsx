import { PopoverPanel } from './popover-panel';

export interface Option {
  value: string;
  label: string;
}

/** A filter button that opens a checklist; the button shows how many values are chosen. */
export function MultiSelect({
  label,
  options,
  value,
  onChange,
  testId,
}: {
  label: string;
  options: Option[];
  value: readonly string[] | undefined;
  onChange: (next: string[] | undefined) => void;
  testId?: string;
}) {
  const chosen = new Set(value ?? []);
  const toggle = (v: string) => {
    const next = new Set(chosen);
    if (next.has(v)) next.delete(v);
    else next.add(v);
    onChange(next.size ? [...next] : undefined);
  };
  return (
    <PopoverPanel
      align="start"
      panelClassName="max-h-80 w-64 overflow-auto p-1"
      trigger={
        <button
          type="button"
          data-testid={testId}
          className={`inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm ring-1 ring-inset ${chosen.size ? 'bg-indigo-50 text-indigo-800 ring-indigo-300' : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50'}`}
        >
          {label}
          {chosen.size > 0 && (
            <span className="rounded-full bg-indigo-600 px-1.5 text-xs text-white">{chosen.size}</span>
          )}
          <span aria-hidden="true">▾</span>
        </button>
      }
    >
      <fieldset>
        <legend className="sr-only">{label}</legend>
        {options.map((o) => (
          <label
            key={o.value}
            className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm hover:bg-slate-50"
          >
            <input
              type="checkbox"
              checked={chosen.has(o.value)}
              onChange={() => toggle(o.value)}
              className="accent-indigo-600"
            />
            <span className="truncate">{o.label}</span>
          </label>
        ))}
      </fieldset>
      {chosen.size > 0 && (
        <button
          type="button"
          className="mt-1 w-full rounded px-2 py-1 text-left text-xs text-slate-500 hover:bg-slate-50"
          onClick={() => onChange(undefined)}
        >
          ✕ {label}
        </button>
      )}
    </PopoverPanel>
  );
}
