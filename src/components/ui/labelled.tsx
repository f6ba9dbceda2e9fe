import type { ReactNode } from 'react';
import { Select } from './select';

/**
 * A label with its text above the control it wraps (so the control is named without an id), and
 * optional help below in small print. Give the control `mt-1`.
 */
export function Labelled({
  label,
  help,
  className = '',
  children,
}: {
  label: ReactNode;
  help?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <label className={`block text-sm font-medium text-slate-700 ${className}`}>
      {label}
      {children}
      {help && <span className="mt-1 block text-xs font-normal text-slate-500">{help}</span>}
    </label>
  );
}

export interface Choice {
  value: string;
  label: string;
}

/** A labelled native select over a list of choices; `none` adds a first, empty choice (value ''). */
export function SelectField({
  label,
  value,
  choices,
  none,
  disabled,
  onChange,
  className,
}: {
  label: string;
  value: string;
  choices: readonly Choice[];
  none?: string;
  disabled?: boolean;
  onChange: (value: string) => void;
  className?: string;
}) {
  return (
    <Labelled label={label} className={className}>
      <Select
        aria-label={label}
        className="mt-1"
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      >
        {none !== undefined && <option value="">{none}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </Select>
    </Labelled>
  );
}
