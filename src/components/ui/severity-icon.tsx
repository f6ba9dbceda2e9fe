/**
 * A blocking or warning mark drawn as SVG: the ⛔ and ⚠ glyphs need an emoji or symbol font,
 * which many machines lack (they render as an empty box). Decorative: the text beside it says
 * what it means.
 */
export function SeverityIcon({ severity, className = '' }: { severity: 'block' | 'warn'; className?: string }) {
  return (
    <svg
      aria-hidden="true"
      data-severity={severity}
      viewBox="0 0 12 12"
      className={`inline-block h-3 w-3 shrink-0 align-[-0.125em] ${className}`}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
    >
      {severity === 'block' ? (
        <>
          <circle cx="6" cy="6" r="4.8" />
          <path d="M3.3 6h5.4" strokeLinecap="round" strokeWidth="1.9" />
        </>
      ) : (
        <>
          <path d="M6 1.3 11 10.4H1Z" strokeLinejoin="round" />
          <path d="M6 4.6v2.7" strokeLinecap="round" />
          <circle cx="6" cy="8.7" r="0.35" fill="currentColor" />
        </>
      )}
    </svg>
  );
}
