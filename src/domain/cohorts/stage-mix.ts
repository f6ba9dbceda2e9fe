/**
 * "Stage mix by acquisition cohort": how many leads of each cohort stand in each lifecycle
 * stage now (docs/lifecycle.md). Read off the columnar snapshot with the same precedence rule
 * as the drawer (`stageAt`); suppression here is what the stored facts say — the last DNC
 * scrub's "listed" or a "do not call me" call, an anonymisation, a withdrawn consent for calls.
 */
import type { CohortGrain } from '../time/calendar';
import {
  LIFECYCLE_STAGES,
  dormantPeriodMs,
  lastActivityAt,
  stageAt,
  type LifecycleStage,
} from '../leads/lifecycle-stage';
import { cohortOfLeads, rangeIndexes } from './cohort-aggregate';
import { FLAG_ANONYMIZED, FLAG_CONSENT_WITHDRAWN, FLAG_DNC_HIT } from '../columns/lead-flags';
import type { ColumnarSnapshot } from './columnar-snapshot';

export interface StageMixQuery {
  grain: CohortGrain;
  from?: string | undefined;
  to?: string | undefined;
  /** The organisation's dormant period (settings.dormantDays). */
  dormantDays: number;
}

export interface StageMixCohort {
  key: string;
  start: number;
  end: number;
  leads: number;
  /** Leads per stage, in the order of `StageMix.stages`; they add up to `leads`. */
  counts: number[];
}

export interface StageMix {
  grain: CohortGrain;
  now: number;
  timeZone: string;
  dormantDays: number;
  stages: readonly LifecycleStage[];
  /** Cohorts in range that hold leads, oldest first. */
  cohorts: StageMixCohort[];
}

const SUPPRESSING = FLAG_DNC_HIT | FLAG_ANONYMIZED | FLAG_CONSENT_WITHDRAWN;
const STAGE_INDEX = Object.fromEntries(LIFECYCLE_STAGES.map((s, i) => [s, i])) as Record<LifecycleStage, number>;

/** Every lead's stage index at `now` (LIFECYCLE_STAGES order). */
export function stagesOf(s: ColumnarSnapshot, dormantDays: number, now: number): Uint8Array {
  const out = new Uint8Array(s.n);
  const dormantMs = dormantPeriodMs(dormantDays);
  const { acquiredAt, lastContactAt, firstContactAt, firstConnectedAt, convertedAt, flags } = s;
  for (let i = 0; i < s.n; i++) {
    const lastActivity = lastActivityAt(
      acquiredAt[i]!,
      firstContactAt[i]!,
      lastContactAt[i]!,
      firstConnectedAt[i]!,
      convertedAt[i]!,
      now,
    );
    out[i] =
      STAGE_INDEX[
        stageAt(
          (flags[i]! & SUPPRESSING) !== 0,
          lastActivity,
          firstContactAt[i]!,
          firstConnectedAt[i]!,
          convertedAt[i]!,
          now,
          dormantMs,
        )
      ];
  }
  return out;
}

/** Counts per lifecycle stage for every cohort of the query's range. */
export function stageMix(s: ColumnarSnapshot, q: StageMixQuery, now: number): StageMix {
  const index = s.grains[q.grain];
  const [k0, k1] = rangeIndexes(index, s.timeZone, q.from, q.to);
  const K = Math.max(0, k1 - k0 + 1);
  const S = LIFECYCLE_STAGES.length;
  const cohortOf = cohortOfLeads(s, index, k0, k1);
  const stages = stagesOf(s, q.dormantDays, now);
  const counts = new Uint32Array(K * S);
  for (let i = 0; i < s.n; i++) {
    const c = cohortOf[i]!;
    if (c >= 0) counts[c * S + stages[i]!]! += 1;
  }
  const cohorts: StageMixCohort[] = [];
  for (let c = 0; c < K; c++) {
    const row = Array.from(counts.subarray(c * S, (c + 1) * S));
    const leads = row.reduce((a, b) => a + b, 0);
    if (leads === 0) continue;
    const k = k0 + c;
    cohorts.push({ key: index.keys[k]!, start: index.starts[k]!, end: index.ends[k]!, leads, counts: row });
  }
  return { grain: q.grain, now, timeZone: s.timeZone, dormantDays: q.dormantDays, stages: LIFECYCLE_STAGES, cohorts };
}
