/**
 * Which audit entries an erasure redacts. An entry's details go when they hold the person's
 * data (a name, number or e-mail anywhere in `before`/`after`), when the entry is about this
 * lead alone (its creation, edits, consent, DNC request), or when they hold the lead's undo
 * data (bulk edits and deletions keep the old values per lead). The entry itself stays — who,
 * when, what action, which ids — and so does the chain (format 2 hashes the details apart).
 */
import type { AuditEntry } from '../audit/audit-entry';
import { isRedacted } from '../audit/audit-hash';
import { holdsLeadRecord, mentionsPerson, type PersonPattern } from './person-match';

/** True when the erasure of the person must redact this entry's details. */
export function mustRedact(entry: AuditEntry, p: PersonPattern): boolean {
  if (isRedacted(entry) || entry.action === 'forget') return false;
  const details = [entry.before, entry.after];
  if (mentionsPerson(details, p)) return true;
  const aboutLead = entry.entity === 'lead' && entry.ids.includes(p.leadId);
  if (aboutLead && entry.ids.length === 1 && (entry.before != null || entry.after != null)) return true;
  return aboutLead && holdsLeadRecord(details, p.leadId);
}
