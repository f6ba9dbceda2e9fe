import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A banner's explanation held to one line, with "More" to read it whole: a warning says what
 * matters in one line and leaves the screen's content above the fold. The whole text stays in
 * the document (screen readers and tests read it all).
 */
export function ClampedText({ children, className = '' }: { children: ReactNode; className?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <span className={`flex min-w-0 items-baseline gap-2 ${className}`}>
      <span id={id} className={open ? 'min-w-0' : 'min-w-0 truncate'}>
        {children}
      </span>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className="shrink-0 text-xs font-medium underline underline-offset-2"
      >
        {open ? t('common.less') : t('common.more')}
      </button>
    </span>
  );
}
