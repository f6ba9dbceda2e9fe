/**
 * The lead drawer's edit form as text, and the patch it means. The patch holds only the
 * fields the user changed, compared as text against the draft built from the lead as loaded:
 * an untouched field is never re-parsed, so it cannot drift. The acquisition time is the field
 * that used to drift (a `datetime-local` has no milliseconds and was re-read in a zone that
 * had changed since it was written), so the draft carries the zone it was written in.
 */
import { formatInZone, parseLocal } from '../time/calendar';
import type { Lead, LeadPatch } from './lead';

/** What a `datetime-local` input with `step=1` holds; browsers drop `:ss` when it is `:00`. */
export const ACQUIRED_INPUT_PATTERN = "yyyy-MM-dd'T'HH:mm:ss";
const ACQUIRED_INPUT_SHORT = "yyyy-MM-dd'T'HH:mm";

export const DRAFT_FIELDS = ['name', 'company', 'email', 'tags', 'sourceId', 'acquiredAt'] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];
export type DraftText = Record<DraftField, string>;

export interface LeadDraft {
  /** The lead as loaded: the reference every change is measured against. */
  lead: Lead;
  /** The zone the acquisition time is written in, fixed when the draft is built. */
  timeZone: string;
  /** The text of each field as built from `lead` (what "untouched" means). */
  base: DraftText;
  /** The text of each field as the user left it. */
  text: DraftText;
}

export type DraftProblem = 'acquired-invalid' | 'email-invalid';
export type DraftResult =
  { ok: true; patch: LeadPatch; acquiredChanged: boolean } | { ok: false; problem: DraftProblem };

/** A draft of `lead` whose acquisition time is shown as wall-clock time in `timeZone`. */
export function leadDraft(lead: Lead, timeZone: string): LeadDraft {
  const base: DraftText = {
    name: lead.name,
    company: lead.company,
    email: lead.email,
    tags: lead.tags.join(', '),
    sourceId: lead.sourceId,
    acquiredAt: formatInZone(lead.acquiredAt, ACQUIRED_INPUT_PATTERN, timeZone),
  };
  return { lead, timeZone, base, text: base };
}

/** The draft with one field's text replaced. */
export function editDraft(draft: LeadDraft, field: DraftField, value: string): LeadDraft {
  return { ...draft, text: { ...draft.text, [field]: value } };
}

/** Wall-clock text in `timeZone` (with or without seconds) to epoch ms; null when not a valid time. */
export function parseAcquiredInput(text: string, timeZone: string): number | null {
  return parseLocal(text, ACQUIRED_INPUT_PATTERN, timeZone) ?? parseLocal(text, ACQUIRED_INPUT_SHORT, timeZone);
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** The patch the draft means: exactly the fields whose text the user changed, and only when the value differs. */
export function draftPatch(draft: LeadDraft): DraftResult {
  const { lead, base, text } = draft;
  const touched = (f: DraftField) => text[f] !== base[f];
  const patch: LeadPatch = {};
  for (const f of ['name', 'company', 'email', 'sourceId'] as const) {
    if (!touched(f)) continue;
    const value = f === 'sourceId' ? text[f] : text[f].trim();
    if (value !== lead[f]) patch[f] = value;
  }
  if (patch.email && !EMAIL.test(patch.email)) return { ok: false, problem: 'email-invalid' };
  if (touched('tags')) {
    const tags = text.tags
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (JSON.stringify(tags) !== JSON.stringify(lead.tags)) patch.tags = tags;
  }
  if (touched('acquiredAt')) {
    const ms = parseAcquiredInput(text.acquiredAt, draft.timeZone);
    if (ms === null) return { ok: false, problem: 'acquired-invalid' };
    if (ms !== lead.acquiredAt) patch.acquiredAt = ms;
  }
  return { ok: true, patch, acquiredChanged: patch.acquiredAt !== undefined };
}
