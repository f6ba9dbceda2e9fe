/**
 * One row of a lead file to a prepared lead, or the reasons it cannot be one. Text fields are
 * checked with zod, the number with libphonenumber-js (E.164, region, validity), the
 * acquisition time against the steward's declaration and the 1990…now window. A row is never
 * half-taken: any problem rejects it, and every problem is reported with its column.
 */
import { z } from 'zod';
import { normalisePhone } from '../leads/phone';
import { acquisitionTimeProblem } from '../time/calendar';
import { cellProblem } from './cell-checks';
import { isFormulaLike } from './formula-escape';
import type { ColumnMapping, LeadField } from './column-mapping';
import type { CsvRow } from './csv-reader';
import type { ConsentDraft, ConsentKind, PreparedLead } from './prepared-lead';
import { FORMULA_LIKE, type RowResult } from './import-analysis';
import { rejection, type Rejection } from './rejection';
import { parseTimestamp, type TimeDeclaration } from './timestamp';

export interface LeadRowContext {
  headers: readonly string[];
  mapping: ColumnMapping<LeadField>;
  defaultRegion: string;
  orgTimeZone: string;
  now: number;
  time: TimeDeclaration;
  /** One acquisition instant declared for the whole file (start of the declared day), else null. */
  declaredAcquiredAt: number | null;
  defaultSource: string | null;
  defaultCampaign: string | null;
}

/** `ask`: the row cannot be read until the steward declares a date format or zone. */
export type RowOutcome = RowResult<PreparedLead>;

const textFields = z.object({
  name: z.string().max(200),
  company: z.string().max(200),
  email: z.union([z.literal(''), z.email()]),
  tags: z.array(z.string().max(50)).max(20),
  source: z.string().max(100),
  campaign: z.string().max(100),
  consentProof: z.string().max(500),
});

const CONSENT_WORDS: Record<string, ConsentKind> = Object.assign(Object.create(null) as Record<string, ConsentKind>, {
  yes: 'granted',
  y: 'granted',
  true: 'granted',
  '1': 'granted',
  granted: 'granted',
  consented: 'granted',
  optin: 'granted',
  'opt-in': 'granted',
  'opted in': 'granted',
  同意: 'granted',
  是: 'granted',
  已同意: 'granted',
  授权: 'granted',
  no: 'withdrawn',
  n: 'withdrawn',
  false: 'withdrawn',
  '0': 'withdrawn',
  withdrawn: 'withdrawn',
  refused: 'withdrawn',
  denied: 'withdrawn',
  optout: 'withdrawn',
  'opt-out': 'withdrawn',
  'opted out': 'withdrawn',
  拒绝: 'withdrawn',
  否: 'withdrawn',
  不同意: 'withdrawn',
  撤回: 'withdrawn',
});

/** Parse a consent cell: a kind, null for an empty cell, or 'unknown'. */
export function consentKindOf(value: string): ConsentKind | null | 'unknown' {
  const v = value.trim().toLowerCase();
  if (v === '') return null;
  return CONSENT_WORDS[v] ?? 'unknown';
}

/** Tags from one cell: split on commas, semicolons, pipes (also full-width), trimmed, de-duplicated. */
export function splitTags(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/[,;|、，；]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

type Ask = 'format-required' | 'zone-required';

/** Validate one lead row. */
export function validateLeadRow(row: CsvRow, ctx: LeadRowContext): RowOutcome {
  const { headers, mapping } = ctx;
  if (row.cells.length !== headers.length) {
    return { ok: false, rejections: [rejection(row.line, '', 'ragged', `${row.cells.length}/${headers.length}`)] };
  }
  const problems: Rejection[] = [];
  let ask: Ask | undefined;
  const cell = (field: LeadField): string => {
    const column = mapping[field];
    return column === undefined ? '' : (row.cells[column] ?? '');
  };
  const header = (field: LeadField) => (mapping[field] === undefined ? field : (headers[mapping[field]] ?? field));
  const fail = (field: LeadField, reason: string, value = cell(field)) =>
    problems.push(rejection(row.line, header(field), reason, value));

  for (const field of Object.keys(mapping) as LeadField[]) {
    const problem = cellProblem(cell(field));
    if (problem) fail(field, problem);
  }
  if (problems.length > 0) return { ok: false, rejections: problems };

  const phone = normalisePhone(cell('phone'), ctx.defaultRegion);
  if (!phone.ok) fail('phone', `phone-${phone.problem}`);

  const text = textFields.safeParse({
    name: cell('name').trim(),
    company: cell('company').trim(),
    email: cell('email').trim(),
    tags: splitTags(cell('tags')),
    source: cell('source').trim(),
    campaign: cell('campaign').trim(),
    consentProof: cell('consentProof').trim(),
  });
  if (!text.success) {
    for (const issue of text.error.issues) {
      const field = String(issue.path[0]) as
        'name' | 'company' | 'email' | 'tags' | 'source' | 'campaign' | 'consentProof';
      fail(field, `${field}-${issue.code === 'too_big' ? 'too-long' : 'invalid'}`);
    }
  }

  let acquiredAt: number | null = null;
  let precision: 'exact' | 'day' = 'day';
  if (mapping.acquiredAt !== undefined) {
    const parsed = parseTimestamp(cell('acquiredAt'), ctx.time);
    if (parsed.ok) {
      const problem = acquisitionTimeProblem(parsed.ms, ctx.now);
      if (problem) fail('acquiredAt', `acquired-${problem}`);
      else ({ ms: acquiredAt, precision } = parsed);
    } else if (parsed.problem === 'format-required' || parsed.problem === 'zone-required') ask = parsed.problem;
    else fail('acquiredAt', `acquired-${parsed.problem}`);
  } else if (ctx.declaredAcquiredAt !== null) acquiredAt = ctx.declaredAcquiredAt;
  else fail('acquiredAt', 'acquired-missing');

  const source = text.success && text.data.source ? text.data.source : ctx.defaultSource;
  if (!source) fail('source', 'source-required');

  const consents: ConsentDraft[] = [];
  const kind = consentKindOf(cell('consent'));
  if (kind === 'unknown') fail('consent', 'consent-unrecognised');
  else if (kind) {
    let capturedAt = acquiredAt;
    if (cell('consentAt').trim() !== '') {
      const at = parseTimestamp(cell('consentAt'), ctx.time);
      if (!at.ok) {
        if (at.problem === 'format-required' || at.problem === 'zone-required') ask = at.problem;
        else fail('consentAt', `consent-at-${at.problem}`);
      } else if (acquisitionTimeProblem(at.ms, ctx.now)) fail('consentAt', 'consent-at-out-of-range');
      else capturedAt = at.ms;
    }
    if (capturedAt !== null)
      consents.push({ kind, capturedAt, proofRef: (text.success && text.data.consentProof) || null, line: row.line });
  }

  if (ask) return { ok: false, rejections: problems, ask };
  if (problems.length > 0 || !phone.ok || !text.success || acquiredAt === null || !source)
    return { ok: false, rejections: problems };
  const t = text.data;
  // Taken as text (it is stored and shown as text, and every export neutralises it), but counted:
  // a name like "=HYPERLINK(…)" is more often an attack or a broken export than a person.
  const warnings = (['name', 'company'] as const)
    .filter((f) => t[f].split(/\r\n|\r|\n/).some(isFormulaLike))
    .map((f) => rejection(row.line, header(f), FORMULA_LIKE, t[f]));
  return {
    ok: true,
    ...(warnings.length ? { warnings } : {}),
    value: {
      line: row.line,
      phoneE164: phone.e164,
      phoneRaw: cell('phone'),
      region: phone.region,
      timeZone: phone.timeZone ?? ctx.orgTimeZone,
      name: t.name,
      company: t.company,
      email: t.email,
      tags: t.tags,
      sourceRef: source,
      campaignRef: t.campaign || ctx.defaultCampaign || null,
      acquiredAt,
      precision: mapping.acquiredAt === undefined ? 'day' : precision,
      declared: mapping.acquiredAt === undefined,
      consents,
      extraAcquisitions: [],
    },
  };
}
