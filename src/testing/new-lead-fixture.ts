/** Tests only: one valid new lead (a manual entry acquired ten days before `now`), with fields to override. */
import type { NewLead } from '../domain/leads/lead';

export const sampleNewLead = (now: number, over: Partial<NewLead> = {}): NewLead => ({
  phoneE164: '+12133734253',
  phoneRaw: '(213) 373-4253',
  region: 'US',
  timeZone: 'America/Los_Angeles',
  name: 'Ada Lovelace',
  company: 'Analytical Engines',
  email: 'ada@example.com',
  tags: [],
  sourceId: 'referrals',
  acquiredAt: now - 10 * 86_400_000,
  acquiredAtPrecision: 'exact',
  entryMethod: 'manual',
  ...over,
});
