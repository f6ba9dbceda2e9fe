/**
 * API payloads: a JSON array of records or NDJSON (one record per line). A line that is not
 * JSON is reported with its number and the rest still read; a document that is neither
 * form is refused as a whole.
 */
import { rejection, type Rejection } from './rejection';

export type PayloadFormat = 'json-array' | 'ndjson';

export interface PayloadRecord {
  /** NDJSON: the file line; JSON array: the record's position (1-based). */
  line: number;
  value: unknown;
}

export type ParsedPayload =
  | { ok: true; format: PayloadFormat; records: PayloadRecord[]; rejections: Rejection[] }
  | { ok: false; problem: 'not-json'; line?: number };

/** Split a payload into records. */
export function parsePayload(text: string): ParsedPayload {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      return { ok: false, problem: 'not-json' };
    }
    if (!Array.isArray(value)) return { ok: false, problem: 'not-json' };
    return { ok: true, format: 'json-array', records: value.map((v: unknown, i) => ({ line: i + 1, value: v })), rejections: [] };
  }
  const records: PayloadRecord[] = [];
  const rejections: Rejection[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    try {
      records.push({ line: i + 1, value: JSON.parse(line) as unknown });
    } catch {
      rejections.push(rejection(i + 1, '', 'json-invalid', line));
    }
  });
  if (records.length === 0 && rejections.length > 0 && rejections.length === lines.filter((l) => l.trim()).length && !trimmed.startsWith('{')) {
    return { ok: false, problem: 'not-json', line: rejections[0]!.line };
  }
  return { ok: true, format: 'ndjson', records, rejections };
}
