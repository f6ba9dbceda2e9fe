import type { ButtonHTMLAttributes } from 'react';
import { buttonClass, type Variant } from './button-class';

export { buttonClass };

/** A real button with the house look. */
export function Button({
  variant = 'secondary',
  className = '',
  type = 'button',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type={type} className={`${buttonClass(variant)} ${className}`} {...props} />;
}
