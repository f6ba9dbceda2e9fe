/** A commit's progress: in steps finer than the file (a 9k commit moves), each step in its own unit. */
import { describe, expect, it } from 'vitest';
import { commitCallImport, type CallImportPlan } from '../db/repos/call-import-repo';
import { WRITE_CHUNK, type CommitStep } from '../db/repos/import-commit';
import { commitLeadImport, type LeadImportPlan } from '../db/repos/import-repo';
import { stampNewLead } from '../db/repos/leads-repo';
import type { Lead } from '../domain/leads/lead';
import { commitHooks, CancelToken, type ImportProgress } from './import-progress';
import { check, freshDatabases, NOW } from './import-test-kit';

const fresh = freshDatabases();

type Heard = { done: number; total: number; step: CommitStep };
const recorder = () => {
  const heard: Heard[] = [];
  return {
    heard,
    hooks: {
      isCancelled: () => false,
      onProgress: (done: number, total: number, step: CommitStep = 'leads') => heard.push({ done, total, step }),
    },
  };
};
const planOf = <T>(session: unknown) => (session as { plan: { plan: T } }).plan.plan;

describe('import commit progress', () => {
  it('a 9,000-lead commit reports each chunk of leads written, after saying it is matching', async () => {
    const db = fresh();
    const rows = Array.from({ length: 9_000 }, (_, i) => `+1213${String(4_000_000 + i)},2026-01-01T00:00:00Z`);
    const { session } = await check(db, `phone,acquired at\n${rows.join('\n')}\n`);
    const { heard, hooks } = recorder();
    await commitLeadImport(db, planOf<LeadImportPlan>(session), hooks, NOW);
    expect(heard[0]).toEqual({ done: 0, total: 0, step: 'matching' });
    const leads = heard.filter((h) => h.step === 'leads');
    expect(leads.map((h) => h.done)).toEqual([0, 2_000, 4_000, 6_000, 8_000, 9_000]);
    expect(new Set(leads.map((h) => h.total))).toEqual(new Set([9_000]));
    expect(WRITE_CHUNK).toBeLessThan(9_000);
  }, 60_000);

  it('a call log counts calls as calls and the leads they update apart (never summed as rows)', async () => {
    const db = fresh();
    const ids = await db.leads.bulkAdd(
      ['+12133734253', '+12133734254', '+12133734255'].map(
        (phoneE164) =>
          stampNewLead(
            {
              phoneE164,
              phoneRaw: phoneE164,
              region: 'US',
              timeZone: 'America/Los_Angeles',
              name: '',
              company: '',
              email: '',
              tags: [],
              sourceId: 'web-forms',
              acquiredAt: NOW - 86_400_000 * 30,
              acquiredAtPrecision: 'exact',
              entryMethod: 'manual',
            },
            NOW - 86_400_000 * 20,
          ) as Lead,
      ),
      { allKeys: true },
    );
    expect(ids).toHaveLength(3);
    const log = [
      'phone,at,outcome,duration,agent',
      ...Array.from(
        { length: 12 },
        (_, i) => `213373425${3 + (i % 3)},2026-03-0${1 + Math.floor(i / 3)}T10:00:00Z,no answer,0,Li`,
      ),
    ].join('\n');
    const { session } = await check(db, log, {}, 'calls', 'calls.csv');
    const { heard, hooks } = recorder();
    await commitCallImport(db, planOf<CallImportPlan>(session), hooks, NOW);
    expect(heard.filter((h) => h.step === 'calls').at(-1)).toEqual({ done: 12, total: 12, step: 'calls' });
    expect(heard.filter((h) => h.step === 'lead-facts').at(-1)).toEqual({ done: 3, total: 3, step: 'lead-facts' });
    expect(heard.every((h) => h.total <= 12)).toBe(true);
  });

  it('the worker names each step in its unit: writing leads, writing calls, updating leads', () => {
    const heard: ImportProgress[] = [];
    const hooks = commitHooks(new CancelToken(), (p) => heard.push(p));
    hooks.onProgress(0, 0, 'matching');
    hooks.onProgress(0, 12, 'calls');
    hooks.onProgress(12, 12, 'calls');
    hooks.onProgress(0, 3, 'lead-facts');
    hooks.onProgress(3, 3, 'lead-facts');
    expect(heard.map((p) => [p.phase, p.unit, p.done, p.total])).toEqual([
      ['matching', 'rows', 0, 0],
      ['writing', 'calls', 0, 12],
      ['writing', 'calls', 12, 12],
      ['updating', 'leads', 0, 3],
      ['updating', 'leads', 3, 3],
    ]);
  });
});
