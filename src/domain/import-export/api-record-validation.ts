/** One API record to a prepared lead (entry method `api`), or the reasons it cannot be one. */
import { normalisePhone } from '../leads/phone';
import { acquisitionTimeProblem } from '../time/calendar';
import { cellProblem } from './cell-checks';
import type { RowResult } from './import-analysis';
import { leadRecordV1Schema } from './lead-record';
import type { PayloadRecord } from './api-payload';
import type { PreparedLead } from './prepared-lead';
import { rejection, type Rejection } from './rejection';
import { parseTimestamp } from './timestamp';

export interface ApiRecordContext {
  defaultRegion: string;
  orgTimeZone: string;
  now: number;
  defaultSource: string | null;
  defaultCampaign: string | null;
}

/** Every string anywhere in the record, with its path, for the cell checks. */
function strings(value: unknown, path: string, out: [string, string][]): void {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) strings(v, path ? `${path}.${k}` : k, out);
}

const short = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

/** Validate one record of a payload. */
export function validateApiRecord(record: PayloadRecord, ctx: ApiRecordContext): RowResult<PreparedLead> {
  const { line } = record;
  const texts: [string, string][] = [];
  strings(record.value, '', texts);
  const bad = texts.map(([path, v]) => [path, v, cellProblem(v)] as const).filter(([, , p]) => p !== null);
  if (bad.length > 0) return { ok: false, rejections: bad.map(([path, v, p]) => rejection(line, path, p!, v)) };

  const parsed = leadRecordV1Schema.safeParse(record.value);
  if (!parsed.success) {
    const rejections = parsed.error.issues.map((i) => {
      const path = i.path.join('.');
      const value = i.path.reduce<unknown>(
        (o, k) => (o && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k] : undefined),
        record.value,
      );
      return rejection(
        line,
        path,
        i.code === 'invalid_type' && value === undefined ? 'record-field-missing' : 'record-field-invalid',
        short(value),
      );
    });
    return { ok: false, rejections };
  }
  const r = parsed.data;
  const problems: Rejection[] = [];
  const phone = normalisePhone(r.phone, ctx.defaultRegion);
  if (!phone.ok) problems.push(rejection(line, 'phone', `phone-${phone.problem}`, r.phone));
  const at = parseTimestamp(r.acquiredAt, { format: null, timeZone: null });
  const atProblem = at.ok ? acquisitionTimeProblem(at.ms, ctx.now) : 'invalid';
  if (atProblem) problems.push(rejection(line, 'acquiredAt', `acquired-${atProblem}`, r.acquiredAt));
  let consent: PreparedLead['consents'] = [];
  if (r.consent) {
    const c = parseTimestamp(r.consent.capturedAt, { format: null, timeZone: null });
    if (!c.ok || acquisitionTimeProblem(c.ms, ctx.now))
      problems.push(rejection(line, 'consent.capturedAt', 'consent-at-out-of-range', r.consent.capturedAt));
    else consent = [{ kind: r.consent.status, capturedAt: c.ms, proofRef: r.consent.proofRef ?? null, line }];
  }
  const source = r.source ?? ctx.defaultSource;
  if (!source) problems.push(rejection(line, 'source', 'source-required'));
  if (problems.length > 0 || !phone.ok || !at.ok || !source) return { ok: false, rejections: problems };
  return {
    ok: true,
    value: {
      line,
      phoneE164: phone.e164,
      phoneRaw: r.phone,
      region: phone.region,
      timeZone: phone.timeZone ?? ctx.orgTimeZone,
      name: (r.name ?? '').trim(),
      company: (r.company ?? '').trim(),
      email: (r.email ?? '').trim(),
      tags: [...new Set(r.tags ?? [])],
      sourceRef: source,
      campaignRef: r.campaign ?? ctx.defaultCampaign ?? null,
      acquiredAt: at.ms,
      precision: r.acquiredAtPrecision ?? 'exact',
      declared: false,
      consents: consent,
      extraAcquisitions: [],
    },
  };
}
