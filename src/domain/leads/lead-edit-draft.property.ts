/**
 * The edit-form property, shared by the unit test (run in the test's own process) and by the
 * child processes that test starts with another `TZ`: a browser's zone can only be changed per
 * process, and date-fns/TZDate do some of their work in the process's local zone.
 */
import fc from 'fast-check';
import { EARLIEST_ACQUISITION, formatInZone, periodStart, startOfLocalDay } from '../time/calendar';
import type { Lead } from './lead';
import {
  ACQUIRED_INPUT_PATTERN,
  DRAFT_FIELDS,
  draftPatch,
  editDraft,
  leadDraft,
  type DraftField,
} from './lead-edit-draft';

export const ORG_ZONES = [
  'UTC',
  'America/New_York',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Sao_Paulo',
] as const;
export const BROWSER_ZONES = ['UTC', 'Asia/Tokyo', 'America/Los_Angeles', 'Australia/Lord_Howe'] as const;

const LATEST = Date.UTC(2030, 0, 1);
const text = fc.string({ maxLength: 12 });
const tags = fc.array(fc.oneof(fc.constantFrom('vip', ' spaced ', 'a,b', 'x'), fc.string({ maxLength: 6 })), {
  maxLength: 4,
});

const leadIn = (orgZone: string) =>
  fc
    .record({
      name: text,
      company: text,
      email: fc.oneof(fc.constant(''), fc.emailAddress(), text),
      tags,
      sourceId: fc.constantFrom('web-forms', 'referrals', 'datamax-list'),
      at: fc.integer({ min: EARLIEST_ACQUISITION + 86_400_000 * 40, max: LATEST }),
      precision: fc.constantFrom('exact', 'day', 'month'),
    })
    .map(({ at, precision, ...rest }): Lead => ({
      id: 1,
      phoneE164: '+12133734253',
      phoneRaw: '2133734253',
      region: 'US',
      timeZone: 'America/Los_Angeles',
      ...rest,
      acquiredAt:
        precision === 'exact'
          ? at
          : precision === 'day'
            ? startOfLocalDay(at, orgZone)
            : periodStart(at, 'month', orgZone),
      acquiredAtPrecision: precision,
      createdAt: LATEST,
      updatedAt: LATEST,
      entryMethod: 'manual',
      attempts: 0,
      dncStatus: 'unchecked',
      dncCheckedVersions: [],
    }));

/** Values a user might type into one field (the acquisition time is exercised separately). */
const newValue: Record<Exclude<DraftField, 'acquiredAt'>, fc.Arbitrary<string>> = {
  name: text,
  company: text,
  email: fc.oneof(fc.constant(''), fc.emailAddress()),
  tags: fc.string({ maxLength: 20 }),
  sourceId: fc.constantFrom('web-forms', 'referrals', 'datamax-list'),
};

/** Open the form, change one field, save: every other field is identical, acquiredAt to the millisecond. */
export function editOneFieldProperty() {
  return fc.property(
    fc.constantFrom(...ORG_ZONES).chain((zone) =>
      fc.tuple(
        fc.constant(zone),
        leadIn(zone),
        fc
          .constantFrom(...DRAFT_FIELDS.filter((f) => f !== 'acquiredAt'))
          .chain((f) => fc.tuple(fc.constant(f), newValue[f])),
      ),
    ),
    ([zone, lead, [field, value]]) => {
      const result = draftPatch(editDraft(leadDraft(lead, zone), field, value));
      if (!result.ok) return result.problem === 'email-invalid' && field === 'email';
      const saved: Lead = { ...lead, ...result.patch };
      const others = Object.keys(lead).filter((k) => k !== field) as (keyof Lead)[];
      return (
        Object.keys(result.patch).every((k) => k === field) &&
        others.every((k) => JSON.stringify(saved[k]) === JSON.stringify(lead[k])) &&
        saved.acquiredAt === lead.acquiredAt
      );
    },
  );
}

/** Open the form and save without touching anything: nothing changes, whatever the zones. */
export function untouchedProperty() {
  return fc.property(
    fc.constantFrom(...ORG_ZONES).chain((zone) => fc.tuple(fc.constant(zone), leadIn(zone))),
    ([zone, lead]) => {
      const result = draftPatch(leadDraft(lead, zone));
      return result.ok && Object.keys(result.patch).length === 0;
    },
  );
}

/** Type a new acquisition time (to the second): the patch holds that wall-clock time in the org zone, and nothing else. */
export function newAcquiredTimeProperty() {
  return fc.property(
    fc
      .constantFrom(...ORG_ZONES)
      .chain((zone) =>
        fc.tuple(
          fc.constant(zone),
          leadIn(zone),
          fc.integer({ min: EARLIEST_ACQUISITION / 1000 + 86_400, max: LATEST / 1000 }),
        ),
      ),
    ([zone, lead, seconds]) => {
      const typed = formatInZone(seconds * 1000, ACQUIRED_INPUT_PATTERN, zone);
      const draft = leadDraft(lead, zone);
      fc.pre(typed !== draft.base.acquiredAt);
      const result = draftPatch(editDraft(draft, 'acquiredAt', typed));
      if (!result.ok) return false;
      const keys = Object.keys(result.patch);
      if (result.patch.acquiredAt === undefined) return keys.length === 0 && !result.acquiredChanged;
      return (
        keys.length === 1 &&
        result.acquiredChanged &&
        formatInZone(result.patch.acquiredAt, ACQUIRED_INPUT_PATTERN, zone) === typed
      );
    },
  );
}
