import type { QueueId } from '../../domain/compliance/queues';

/**
 * The compliance queues in the order every screen lists them (Compliance's cards, Overview's
 * list), each with its colour as a card's left border and as a dot. Tailwind reads class names
 * whole, so both are written out.
 */
export const QUEUE_ORDER: readonly { id: QueueId; border: string; dot: string }[] = [
  { id: 'consentRenewal', border: 'border-l-amber-400', dot: 'bg-amber-400' },
  { id: 'consentExpired', border: 'border-l-rose-500', dot: 'bg-rose-500' },
  { id: 'dncRecheck', border: 'border-l-amber-500', dot: 'bg-amber-500' },
  { id: 'dncListed', border: 'border-l-rose-600', dot: 'bg-rose-600' },
  { id: 'retention', border: 'border-l-slate-500', dot: 'bg-slate-500' },
  { id: 'stale', border: 'border-l-sky-500', dot: 'bg-sky-500' },
  { id: 'frequency', border: 'border-l-violet-500', dot: 'bg-violet-500' },
  { id: 'hours', border: 'border-l-slate-300', dot: 'bg-slate-400' },
];
