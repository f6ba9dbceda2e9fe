/**
 * The stages a lead has passed through, for its timeline: the stage is evaluated at every
 * instant where it can change (acquisition, each call, each "last activity + period", the
 * suppression's start) and an entry is kept wherever it differs from the one before.
 */
import type { Call } from './call';
import { lifecycleFactsAt } from './lifecycle-facts';
import { lifecycleStage, type LifecycleStage, type Suppression } from './lifecycle-stage';

export interface StageTransition {
  at: number;
  stage: LifecycleStage;
}

/** Every change of stage from acquisition up to `now`, oldest first. */
export function lifecycleTransitions(
  acquiredAt: number,
  calls: readonly Pick<Call, 'at' | 'outcome'>[],
  suppression: Suppression | undefined,
  now: number,
  dormantMs: number,
): StageTransition[] {
  const activity = [acquiredAt, ...calls.map((c) => c.at)];
  const candidates = new Set<number>(activity);
  for (const a of activity) candidates.add(a + dormantMs);
  if (suppression?.since !== undefined) candidates.add(suppression.since);
  const instants = [...candidates].filter((t) => t >= acquiredAt && t <= now).sort((a, b) => a - b);
  const out: StageTransition[] = [];
  for (const t of instants) {
    const { stage } = lifecycleStage(lifecycleFactsAt(acquiredAt, calls, suppression, t), t, dormantMs);
    if (out[out.length - 1]?.stage !== stage) out.push({ at: t, stage });
  }
  return out;
}
