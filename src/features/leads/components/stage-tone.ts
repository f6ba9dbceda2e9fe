import type { LifecycleStage } from '../../../domain/leads/lifecycle-stage';

/** The colours of a lifecycle stage's badge, in the grid and in the drawer alike. */
export const STAGE_TONE: Record<LifecycleStage, string> = {
  new: 'bg-sky-50 text-sky-800 ring-sky-600/30',
  contacted: 'bg-indigo-50 text-indigo-800 ring-indigo-600/30',
  engaged: 'bg-violet-50 text-violet-800 ring-violet-600/30',
  converted: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30',
  dormant: 'bg-slate-100 text-slate-800 ring-slate-500/30',
  suppressed: 'bg-rose-50 text-rose-800 ring-rose-600/30',
};
