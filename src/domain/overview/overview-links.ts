/**
 * The grid filter behind each Overview figure, so a figure opens exactly the leads it counts:
 * every lead; callable now; acquired this month (the organisation's month, as the figure counts
 * it); a compliance queue (its reasons); a source.
 */
import { QUEUES, type QueueId } from '../compliance/queues';
import type { ReasonCode } from '../compliance/verdict-types';
import type { LeadFilter } from '../leads/lead-filter';
import { cohortKey } from '../time/calendar';

export type OverviewFigure = 'leads' | 'callable' | 'acquiredThisMonth';

/** The filter of a headline figure computed at `at`. */
export function figureFilter(figure: OverviewFigure, at: number, orgTimeZone: string): LeadFilter {
  switch (figure) {
    case 'leads':
      return {};
    case 'callable':
      return { callable: 'yes' };
    case 'acquiredThisMonth':
      return { cohort: cohortKey(at, 'month', orgTimeZone) };
  }
}

/** The filter of a compliance queue: leads whose verdict carries any of its reasons. */
export function queueFilter(id: QueueId): LeadFilter {
  return { reason: [...(QUEUES[id] as readonly ReasonCode[])] };
}

/** The filter of one source's bar. */
export function sourceFilter(sourceId: string): LeadFilter {
  return { source: [sourceId] };
}
