/**
 * A determinate progress bar: role progressbar, its value in percent (`aria-valuenow`) and,
 * when given, the count in words (`aria-valuetext`, e.g. "12,000 of 50,000 rows"). Drawn with
 * spans, so it may sit inside a line of text.
 */
export function Progress({
  label,
  value,
  max = 100,
  valueText,
  size = 'md',
  className = '',
}: {
  label: string;
  value: number;
  max?: number;
  valueText?: string;
  size?: 'sm' | 'md';
  className?: string;
}) {
  const pct = max > 0 ? Math.max(0, Math.min(100, Math.round((value / max) * 100))) : 0;
  return (
    <span
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      aria-valuetext={valueText || undefined}
      className={`block overflow-hidden rounded-full bg-white ring-1 ring-indigo-100 ${size === 'sm' ? 'h-1.5' : 'h-2.5'} ${className}`}
    >
      <span
        className="block h-full rounded-full bg-indigo-600 transition-[width] duration-200"
        style={{ width: `${pct}%` }}
      />
    </span>
  );
}
