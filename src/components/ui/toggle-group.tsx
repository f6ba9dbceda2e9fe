/**
 * A row of joined buttons of which one is on (`aria-pressed`), e.g. line/bar or one chart/small
 * multiples. Each press hands back its value.
 */
export function ToggleGroup<T extends string>({
  label,
  options,
  value,
  labelOf,
  onChange,
  size = 'md',
}: {
  /** The group's accessible name. */
  label: string;
  options: readonly T[];
  value: T;
  labelOf: (option: T) => string;
  onChange: (option: T) => void;
  size?: 'sm' | 'md';
}) {
  const pad = size === 'sm' ? 'px-2.5 py-1 text-xs' : 'px-3 py-1.5 text-sm';
  return (
    <div role="group" aria-label={label} className="flex rounded-md shadow-sm ring-1 ring-slate-300">
      {options.map((o) => (
        <button
          key={o}
          type="button"
          aria-pressed={value === o}
          onClick={() => onChange(o)}
          className={`${pad} font-medium first:rounded-l-md last:rounded-r-md ${value === o ? 'bg-indigo-600 text-white' : 'bg-white text-slate-700 hover:bg-slate-50'}`}
        >
          {labelOf(o)}
        </button>
      ))}
    </div>
  );
}
