import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { LeadFilter } from '../../../domain/leads/lead-filter';

/** A figure that opens the leads it counts in the grid (the filter in the URL). */
export function FigureLink({
  filter,
  label,
  testId,
  children,
}: {
  filter: LeadFilter;
  label?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Link
      to="/leads"
      search={filter}
      aria-label={label}
      data-testid={testId}
      className="rounded decoration-2 underline-offset-4 hover:text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
    >
      {children}
    </Link>
  );
}
