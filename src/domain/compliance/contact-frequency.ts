/**
 * Contact frequency: attempts in a rolling window, and the minimum gap between calls. Windows
 * are elapsed hours, not calendar days, so a DST change does not stretch or shrink them. A call
 * exactly one window ago has left the window. Every attempt counts, answered or not.
 */
import { MS_PER_HOUR } from '../time/calendar';
import type { EffectiveRules } from './policies';
import type { AttemptCap, PresetId } from './policy-presets';

export interface FrequencyState {
  capped: boolean;
  /** Capped: the last call, since which no further call is allowed. */
  since?: number;
  /** Capped: the earliest instant every cap and the gap allow another call. */
  nextAllowedAt?: number;
  /** The rules that bind at `at`, with the attempts they counted. */
  limits: {
    kind: 'cap' | 'gap';
    attempts: number;
    cap?: AttemptCap;
    gapHours?: number;
    until: number;
    sources: PresetId[];
  }[];
}

/** Attempt caps and the minimum gap, checked against the calls made strictly before `at`. */
export function contactFrequencyAt(
  callTimes: readonly number[],
  rules: Pick<EffectiveRules, 'attemptCaps' | 'minGapHours'>,
  at: number,
): FrequencyState {
  const before = callTimes.filter((t) => t < at).sort((a, b) => a - b);
  const limits: FrequencyState['limits'] = [];
  for (const { value: cap, sources } of rules.attemptCaps) {
    const windowMs = cap.windowHours * MS_PER_HOUR;
    const inWindow = before.filter((t) => t > at - windowMs);
    if (inWindow.length < cap.count) continue;
    // Allowed again once all but count-1 of these calls have left the window.
    const until = inWindow[inWindow.length - cap.count]! + windowMs;
    limits.push({ kind: 'cap', attempts: inWindow.length, cap, until, sources });
  }
  const last = before.at(-1);
  const gap = rules.minGapHours;
  if (last !== undefined && gap && at < last + gap.value * MS_PER_HOUR) {
    limits.push({
      kind: 'gap',
      attempts: 1,
      gapHours: gap.value,
      until: last + gap.value * MS_PER_HOUR,
      sources: gap.sources,
    });
  }
  if (limits.length === 0) return { capped: false, limits };
  return { capped: true, since: last!, nextAllowedAt: Math.max(...limits.map((l) => l.until)), limits };
}
