import type { SelectHTMLAttributes } from 'react';
import { inputClass } from './field';

/**
 * A native `<select>` with the house look. Native on purpose: the platform's own list (keyboard,
 * type-ahead, the phone's picker) and a form value, where a custom listbox would re-build them.
 */
export function Select({ className = '', ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={`${inputClass} bg-white ${className}`} {...props} />;
}
