/**
 * Several rows of one file with the same E.164 number are one lead: the earliest acquisition
 * is its acquisition time, every other row is kept as a further acquisition, and field
 * values merge by the steward's rule, later lines being "new".
 */
import { mergeValues, type ConflictRule } from './field-merge';
import type { AcquisitionDraft, PreparedLead } from './prepared-lead';

export interface FileDedupe {
  /** One per number, in the order each number first appears. */
  leads: PreparedLead[];
  /** Rows merged into an earlier row of the same number. */
  duplicatesInFile: number;
  conflicts: number;
}

function acquisitionOf(lead: PreparedLead): AcquisitionDraft {
  const { sourceRef, campaignRef, acquiredAt, precision, declared, line } = lead;
  return { sourceRef, campaignRef, acquiredAt, precision, declared, line };
}

/** Merge rows that share a number. */
export function dedupeWithinFile(rows: readonly PreparedLead[], rule: ConflictRule): FileDedupe {
  const byPhone = new Map<string, PreparedLead[]>();
  for (const row of rows) {
    const group = byPhone.get(row.phoneE164);
    if (group) group.push(row);
    else byPhone.set(row.phoneE164, [row]);
  }
  const leads: PreparedLead[] = [];
  let duplicatesInFile = 0;
  let conflicts = 0;
  for (const group of byPhone.values()) {
    if (group.length === 1) {
      leads.push(group[0]!);
      continue;
    }
    duplicatesInFile += group.length - 1;
    const byLine = [...group].sort((a, b) => a.line - b.line);
    let values = { name: byLine[0]!.name, company: byLine[0]!.company, email: byLine[0]!.email, tags: byLine[0]!.tags };
    for (const row of byLine.slice(1)) {
      const merged = mergeValues(values, row, rule);
      values = merged.values;
      conflicts += merged.conflicts;
    }
    const byTime = [...group].sort((a, b) => a.acquiredAt - b.acquiredAt || a.line - b.line);
    const first = byTime[0]!;
    leads.push({
      ...first,
      ...values,
      consents: byLine.flatMap((r) => r.consents),
      extraAcquisitions: byTime.slice(1).map(acquisitionOf),
    });
  }
  return { leads, duplicatesInFile, conflicts };
}
