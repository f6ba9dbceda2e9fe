import { useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';
import type { LeadFilter } from '../../../domain/leads/lead-filter';

/** Open the leads grid on exactly the leads of `filter` (the filter lives in the /leads URL). */
export function useDrillDown(): (filter: LeadFilter) => void {
  const navigate = useNavigate();
  return useCallback((filter: LeadFilter) => void navigate({ to: '/leads', search: filter }), [navigate]);
}
