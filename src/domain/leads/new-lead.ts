/** Turning what a person typed into a valid new lead, or a list of field errors saying why not. */
import { z } from 'zod';
import { acquisitionTimeProblem } from '../time/calendar';
import { normalisePhone } from './phone';
import type { AcquiredAtPrecision, EntryMethod, NewLead } from './lead';

export const manualLeadInputSchema = z.object({
  phone: z.string(),
  name: z.string().max(200).default(''),
  company: z.string().max(200).default(''),
  email: z.union([z.literal(''), z.email()]).default(''),
  sourceId: z.string(),
  campaignId: z.string().optional(),
  acquiredAt: z.number().nullable(),
  acquiredAtPrecision: z.enum(['exact', 'day', 'month']).default('exact'),
  tags: z.array(z.string()).default([]),
});
export type ManualLeadInput = z.input<typeof manualLeadInputSchema>;

export type FieldError = { field: string; code: string };

/** Validate input for a new lead; `now` bounds the acquisition time. */
export function buildNewLead(
  input: ManualLeadInput,
  ctx: { defaultRegion: string; orgTimeZone: string; now: number; entryMethod: EntryMethod },
): { ok: true; lead: NewLead } | { ok: false; errors: FieldError[] } {
  const parsed = manualLeadInputSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), code: 'invalid' })) };
  }
  const v = parsed.data;
  const errors: FieldError[] = [];
  const phone = normalisePhone(v.phone, ctx.defaultRegion);
  if (!phone.ok) errors.push({ field: 'phone', code: `phone-${phone.problem}` });
  if (!v.sourceId) errors.push({ field: 'sourceId', code: 'required' });
  if (v.acquiredAt === null) errors.push({ field: 'acquiredAt', code: 'required' });
  else {
    const problem = acquisitionTimeProblem(v.acquiredAt, ctx.now);
    if (problem) errors.push({ field: 'acquiredAt', code: `acquired-${problem}` });
  }
  if (errors.length > 0 || !phone.ok || v.acquiredAt === null) return { ok: false, errors };
  return {
    ok: true,
    lead: {
      phoneE164: phone.e164,
      phoneRaw: v.phone,
      region: phone.region,
      timeZone: phone.timeZone ?? ctx.orgTimeZone,
      name: v.name.trim(),
      company: v.company.trim(),
      email: v.email,
      tags: v.tags,
      sourceId: v.sourceId,
      ...(v.campaignId ? { campaignId: v.campaignId } : {}),
      acquiredAt: v.acquiredAt,
      acquiredAtPrecision: v.acquiredAtPrecision as AcquiredAtPrecision,
      entryMethod: ctx.entryMethod,
    },
  };
}
