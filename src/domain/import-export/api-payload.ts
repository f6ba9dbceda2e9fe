/**
 * API payloads: a JSON array of records or NDJSON (one record per line). A line that is not
 * JSON, or nests deeper than MAX_JSON_DEPTH, is reported with its number and the rest still
 * read; a document that is neither form is refused as a whole. An array's elements are
 * parsed one by one, so one absurdly deep record is refused alone, like an NDJSON line.
 */
import { arrayElementSpans, jsonDepth, MAX_JSON_DEPTH } from './json-depth';
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
    const spans = arrayElementSpans(trimmed);
    if (!spans) return { ok: false, problem: 'not-json' };
    const records: PayloadRecord[] = [];
    const rejections: Rejection[] = [];
    for (const [i, { from, to }] of spans.entries()) {
      if (jsonDepth(trimmed, MAX_JSON_DEPTH, from, to) > MAX_JSON_DEPTH) {
        rejections.push(rejection(i + 1, '', 'json-too-deep', trimmed.slice(from, Math.min(to, from + 400)).trim()));
        continue;
      }
      try {
        records.push({ line: i + 1, value: JSON.parse(trimmed.slice(from, to)) as unknown });
      } catch {
        return { ok: false, problem: 'not-json' };
      }
    }
    return { ok: true, format: 'json-array', records, rejections };
  }
  const records: PayloadRecord[] = [];
  const rejections: Rejection[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    if (jsonDepth(line) > MAX_JSON_DEPTH) {
      rejections.push(rejection(i + 1, '', 'json-too-deep', line));
      return;
    }
    try {
      records.push({ line: i + 1, value: JSON.parse(line) as unknown });
    } catch {
      rejections.push(rejection(i + 1, '', 'json-invalid', line));
    }
  });
  if (
    records.length === 0 &&
    rejections.length > 0 &&
    rejections.length === lines.filter((l) => l.trim()).length &&
    !trimmed.startsWith('{')
  ) {
    return { ok: false, problem: 'not-json', line: rejections[0]!.line };
  }
  return { ok: true, format: 'ndjson', records, rejections };
}
