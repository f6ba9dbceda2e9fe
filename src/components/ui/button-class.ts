/** The house look of buttons, apart from the Button component (button.tsx) so code without React can use it. */
export type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

const STYLES: Record<Variant, string> = {
  primary: 'bg-indigo-600 text-white hover:bg-indigo-700 disabled:bg-indigo-300',
  secondary: 'bg-white text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50 disabled:text-slate-400',
  danger: 'bg-white text-rose-700 ring-1 ring-rose-300 hover:bg-rose-50 disabled:text-rose-300',
  ghost: 'text-slate-700 hover:bg-slate-100',
};

/** The house look of a button, for a link that acts as one (a route to another screen). */
export function buttonClass(variant: Variant = 'secondary'): string {
  return `inline-flex items-center justify-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium shadow-sm transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed ${STYLES[variant]}`;
}

/** The look of the notice that asks for a reload (the shell's banner, and main.tsx's line when the app cannot start). */
export const RELOAD_NOTICE_CLASS =
  'flex items-center justify-between gap-4 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900';
