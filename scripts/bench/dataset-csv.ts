/**
 * The dataset's leads as the CSV file a vendor would send (the import scenario reads it):
 * E.164 phone, name, company, email, source name, acquisition time in ISO 8601 with an offset.
 */
import { BENCH_PROFILES } from './dataset-profiles';
import { generateChunk, type DatasetSpec } from './dataset';

export const CSV_HEADER = 'phone,name,company,email,source,acquired at';

const SOURCE_NAMES = new Map(BENCH_PROFILES.map((p) => [p.id, p.name]));

/** RFC 4180 quoting, only where a field needs it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Lines of leads `from`…`from+count-1` (no header), each ending in CRLF. */
export function leadsCsvLines(spec: DatasetSpec, from: number, count: number): string {
  let out = '';
  for (const l of generateChunk(spec, from, count).leads) {
    out += `${[l.phoneE164, l.name, l.company, l.email, SOURCE_NAMES.get(l.sourceId) ?? l.sourceId, new Date(l.acquiredAt).toISOString()].map(csvField).join(',')}\r\n`;
  }
  return out;
}

/** The whole file for leads 1…`size`, as parts (a million lines never become one string). */
export function leadsCsvParts(spec: DatasetSpec, chunk = 50_000): string[] {
  const parts = [`${CSV_HEADER}\r\n`];
  for (let from = 1; from <= spec.size; from += chunk) parts.push(leadsCsvLines(spec, from, chunk));
  return parts;
}
