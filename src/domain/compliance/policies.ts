/**
 * Rule resolution (DESIGN.md §4 "the strictest active rule wins"): the presets in force for a
 * region, plus the organisation's settings, folded into one set of effective rules, each with
 * the presets it came from. The preset table itself is policy-presets.ts.
 */
import type { Settings } from '../settings/settings';
import { CONSENT_BASES, type ConsentBasis } from './consent-event';
import {
  CLOSED,
  POLICY_PRESETS,
  presetAppliesTo,
  type AttemptCap,
  type DayWindow,
  type PresetId,
  type PresetRules,
} from './policy-presets';

/** An effective rule and the presets it came from (several when they agree), so the UI can say why. */
export interface Ruled<T> {
  value: T;
  sources: PresetId[];
}

/** The rules in force for a set of presets plus the organisation's settings; null = no preset limits it. */
export interface EffectiveRules {
  presetIds: PresetId[];
  /** The organisation's zone: legal periods in days and months are counted on its calendar. */
  timeZone: string;
  dncMaxAgeDays: Ruled<number> | null;
  /** Seven windows, Sunday first; unrestricted days read 00:00–24:00 with no source. */
  callingHours: Ruled<DayWindow>[];
  /** Every cap applies; caps made redundant by a stricter one are dropped. */
  attemptCaps: Ruled<AttemptCap>[];
  minGapHours: Ruled<number> | null;
  ebrPurchaseMonths: Ruled<number> | null;
  ebrInquiryMonths: Ruled<number> | null;
  consentRequired: Ruled<boolean>;
  acceptedBases: Ruled<ConsentBasis[]>;
  consentValidityMonths: Ruled<number>;
  consentNoticeDays: Ruled<number>;
  retentionMonths: Ruled<number>;
  retentionFrom: Settings['retentionFrom'];
  purgeMode: Settings['purgeMode'];
  staleMonths: Ruled<number>;
  dncRequestHonourBusinessDays: Ruled<number> | null;
  dncRequestKeepMonths: Ruled<number> | null;
  consentProofKeepMonths: Ruled<number> | null;
}

/** The organisation preset's rules, read from its settings. */
export function organisationRules(settings: Settings): PresetRules {
  return {
    consentValidityMonths: settings.consentValidityMonths,
    consentNoticeDays: settings.expiryNoticeDays,
    retentionMonths: settings.retentionMonths,
    staleMonths: settings.staleMonths,
    attemptCap: { count: settings.maxAttempts, windowHours: settings.attemptWindowHours },
    minGapHours: settings.minGapHours,
    ...(settings.requireConsent ? { consentRequired: true } : {}),
  };
}

type Entry = { id: PresetId; rules: PresetRules };
type NumberRule = {
  [K in keyof PresetRules]-?: NonNullable<PresetRules[K]> extends number ? K : never;
}[keyof PresetRules];

/** Smallest (or largest, for "at least" rules) value among the presets that set it. */
function strictest(entries: Entry[], key: NumberRule, pick: 'min' | 'max'): Ruled<number> | null {
  const set = entries.filter((e) => e.rules[key] !== undefined);
  if (set.length === 0) return null;
  const values = set.map((e) => e.rules[key] as number);
  const value = pick === 'min' ? Math.min(...values) : Math.max(...values);
  return { value, sources: set.filter((e) => e.rules[key] === value).map((e) => e.id) };
}

/** Intersection of the windows each preset allows on one weekday. */
function dayWindow(entries: Entry[], weekday: number): Ruled<DayWindow> {
  const set = entries.flatMap((e) => (e.rules.callingHours ? [{ id: e.id, w: e.rules.callingHours[weekday]! }] : []));
  if (set.length === 0) return { value: { from: 0, to: 24 * 60 }, sources: [] };
  const from = Math.max(...set.map((s) => s.w.from));
  const to = Math.min(...set.map((s) => s.w.to));
  if (to <= from) {
    const closers = set.filter((s) => s.w.to <= s.w.from);
    return { value: CLOSED, sources: (closers.length > 0 ? closers : set).map((s) => s.id) };
  }
  return { value: { from, to }, sources: set.filter((s) => s.w.from === from || s.w.to === to).map((s) => s.id) };
}

/** All caps, minus those another cap makes redundant (no more attempts allowed over a window at least as long). */
function attemptCaps(entries: Entry[]): Ruled<AttemptCap>[] {
  const caps: Ruled<AttemptCap>[] = [];
  for (const e of entries) {
    const cap = e.rules.attemptCap;
    if (!cap) continue;
    const same = caps.find((c) => c.value.count === cap.count && c.value.windowHours === cap.windowHours);
    if (same) same.sources.push(e.id);
    else caps.push({ value: { ...cap }, sources: [e.id] });
  }
  const covers = (a: AttemptCap, b: AttemptCap) => a !== b && a.count <= b.count && a.windowHours >= b.windowHours;
  return caps.filter((c) => !caps.some((o) => covers(o.value, c.value)));
}

/** Bases every declaring preset accepts. */
function acceptedBases(entries: Entry[]): Ruled<ConsentBasis[]> {
  const set = entries.filter((e) => e.rules.acceptedBases);
  const value = CONSENT_BASES.filter((b) => set.every((e) => e.rules.acceptedBases!.includes(b)));
  return { value, sources: set.map((e) => e.id) };
}

/**
 * Combine the active presets (unknown ids ignored) and the organisation's settings, strictest
 * rule first. With `region`, only presets governing that region take part; the organisation
 * always does.
 */
export function effectiveRules(presetIds: readonly string[], settings: Settings, region?: string): EffectiveRules {
  const active = POLICY_PRESETS.filter(
    (p) => p.id !== 'organisation' && presetIds.includes(p.id) && (region === undefined || presetAppliesTo(p, region)),
  );
  const entries: Entry[] = [
    ...active.map((p) => ({ id: p.id, rules: p.rules })),
    { id: 'organisation', rules: organisationRules(settings) },
  ];
  const required = entries.filter((e) => e.rules.consentRequired === true).map((e) => e.id);
  const org = (key: NumberRule) => strictest(entries, key, 'min')!;
  return {
    presetIds: entries.map((e) => e.id),
    timeZone: settings.orgTimeZone,
    dncMaxAgeDays: strictest(entries, 'dncMaxAgeDays', 'min'),
    callingHours: [0, 1, 2, 3, 4, 5, 6].map((d) => dayWindow(entries, d)),
    attemptCaps: attemptCaps(entries),
    minGapHours: strictest(entries, 'minGapHours', 'max'),
    ebrPurchaseMonths: strictest(entries, 'ebrPurchaseMonths', 'min'),
    ebrInquiryMonths: strictest(entries, 'ebrInquiryMonths', 'min'),
    consentRequired: { value: required.length > 0, sources: required },
    acceptedBases: acceptedBases(entries),
    consentValidityMonths: org('consentValidityMonths'),
    // A longer notice window warns earlier, so it is the stricter one.
    consentNoticeDays: strictest(entries, 'consentNoticeDays', 'max')!,
    retentionMonths: org('retentionMonths'),
    retentionFrom: settings.retentionFrom,
    purgeMode: settings.purgeMode,
    staleMonths: org('staleMonths'),
    dncRequestHonourBusinessDays: strictest(entries, 'dncRequestHonourBusinessDays', 'min'),
    // "Keep at least" rules: the longest wins.
    dncRequestKeepMonths: strictest(entries, 'dncRequestKeepMonths', 'max'),
    consentProofKeepMonths: strictest(entries, 'consentProofKeepMonths', 'max'),
  };
}
