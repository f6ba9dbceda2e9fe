/**
 * Finding one person's data inside stored values, for "forget this person" (GDPR Art. 17).
 * A person is matched by their number (E.164 and as typed), e-mail and name. Numbers and
 * e-mail addresses are distinctive, so any text that contains one matches; a short name
 * ("Li") would match unrelated text, so names shorter than six characters match only a whole
 * value. Matching errs towards erasing: a longer name also matches a longer text holding it.
 */
import type { Lead } from '../leads/lead';

export interface PersonPattern {
  leadId: number;
  /** Lower-cased texts that match wherever they appear. */
  contained: string[];
  /** Lower-cased texts that match only a whole (trimmed) value. */
  whole: string[];
}

const MIN_CONTAINED = 6;

/** Personal fields a lead had before: from its own audit entries and import undo data. */
export type FormerValues = Partial<Record<'name' | 'email' | 'phoneRaw', unknown>>;

/**
 * The patterns of a lead's personal data, now and as it was (`former`: earlier names, e-mails
 * and numbers as typed, which audit entries, saved views or journal rows may still hold).
 * An anonymised lead has only its id left.
 */
export function personPattern(
  lead: Pick<Lead, 'id' | 'name' | 'email' | 'phoneE164' | 'phoneRaw'>,
  former: readonly FormerValues[] = [],
): PersonPattern {
  const contained = new Set<string>();
  const whole = new Set<string>();
  // A lead pulled from the team holds only the fields the server sent: any may be missing.
  const add = (text: unknown) => {
    if (typeof text !== 'string') return;
    const t = text.trim().toLowerCase();
    if (t.length === 0) return;
    (t.length >= MIN_CONTAINED ? contained : whole).add(t);
  };
  const phone = typeof lead.phoneE164 === 'string' ? lead.phoneE164 : '';
  if (!phone.startsWith('hmac:')) {
    add(phone);
    add(phone.slice(1));
  }
  add(lead.phoneRaw);
  // The number as typed, digits only (what a search box holds): "2133734253".
  const rawDigits = typeof lead.phoneRaw === 'string' ? lead.phoneRaw.replace(/\D/g, '') : '';
  if (rawDigits.length >= MIN_CONTAINED) add(rawDigits);
  add(lead.email);
  add(lead.name);
  for (const f of former) for (const v of [f.name, f.email, f.phoneRaw]) add(v);
  return { leadId: lead.id, contained: [...contained], whole: [...whole] };
}

/** True when the text holds the person's data. */
export function textMatches(text: string, p: PersonPattern): boolean {
  const t = text.toLowerCase();
  return p.contained.some((c) => t.includes(c)) || p.whole.includes(t.trim());
}

/** True when any string (or object key) anywhere inside `value` holds the person's data. */
export function mentionsPerson(value: unknown, p: PersonPattern): boolean {
  if (typeof value === 'string') return textMatches(value, p);
  if (Array.isArray(value)) return value.some((v) => mentionsPerson(v, p));
  if (value && typeof value === 'object')
    return Object.entries(value).some(([k, v]) => textMatches(k, p) || mentionsPerson(v, p));
  return false;
}

/**
 * True when `value` holds a record of the lead itself: a stored lead row (`id` with a phone),
 * a row that names it (`leadId`), or per-lead values keyed by its id under `leads` — the shapes
 * in which bulk edits and deletions keep their undo data.
 */
export function holdsLeadRecord(value: unknown, leadId: number): boolean {
  if (Array.isArray(value)) return value.some((v) => holdsLeadRecord(v, leadId));
  if (!value || typeof value !== 'object') return false;
  const o = value as Record<string, unknown>;
  if (o.leadId === leadId || (o.id === leadId && 'phoneE164' in o)) return true;
  const leads = o.leads;
  if (leads && typeof leads === 'object' && !Array.isArray(leads) && Object.hasOwn(leads, String(leadId))) return true;
  return Object.values(o).some((v) => holdsLeadRecord(v, leadId));
}

/** `value` with every string that holds the person's data replaced by `replacement` (and whether anything was). */
export function scrubPerson(value: unknown, p: PersonPattern, replacement = ''): { value: unknown; changed: boolean } {
  let changed = false;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (!textMatches(v, p)) return v;
      changed = true;
      return replacement;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  const out = walk(value);
  return { value: changed ? out : value, changed };
}
