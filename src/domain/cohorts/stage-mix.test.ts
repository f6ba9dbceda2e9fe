import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadLifecycle } from '../leads/lifecycle-facts';
import { LIFECYCLE_STAGES, dormantPeriodMs } from '../leads/lifecycle-stage';
import { COHORT_GRAINS, MS_PER_DAY, cohortKey } from '../time/calendar';
import { aggregateCohorts } from './cohort-aggregate';
import { buildSnapshot } from './snapshot-from-leads.test-helpers';
import { CAMPAIGNS, SOURCES, ZONES, worldArb } from './cohort-fixtures.test-helpers';
import { stageMix } from './stage-mix';

const ctx = (timeZone: string) => ({ timeZone, campaigns: CAMPAIGNS, sources: SOURCES });

describe('stageMix', () => {
  it('counts each lead once, in the stage the drawer shows for it, and every cohort adds up to its size', () => {
    fc.assert(
      fc.property(
        worldArb,
        fc.constantFrom(...COHORT_GRAINS),
        fc.constantFrom(...ZONES),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 700 }),
        fc.array(fc.record({ lead: fc.nat(), withdrawn: fc.boolean(), after: fc.nat({ max: 100 * MS_PER_DAY }) }), {
          maxLength: 20,
        }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (world, grain, zone, dormantDays, nowDays, consentRows, anonymisedRows) => {
          const leads = world.leads.map((l, i) =>
            anonymisedRows.some((a) => world.leads.length && a % world.leads.length === i)
              ? { ...l, anonymizedAt: l.createdAt }
              : l,
          );
          const consents =
            leads.length === 0
              ? []
              : consentRows.map((c, id) => {
                  const lead = leads[c.lead % leads.length]!;
                  return {
                    id,
                    leadId: lead.id,
                    purpose: 'calls' as const,
                    kind: c.withdrawn ? ('withdrawn' as const) : ('granted' as const),
                    capturedAt: lead.acquiredAt + c.after,
                  };
                });
          const now = Date.UTC(2025, 9, 1) + nowDays * MS_PER_DAY;
          const snap = buildSnapshot(leads, world.calls, ctx(zone), consents);
          const mix = stageMix(snap, { grain, dormantDays }, now);
          // Reference: the drawer's function per lead, with the suppression the stored facts give.
          const expected = new Map<string, number[]>();
          for (const l of leads) {
            const last = consents
              .filter((c) => c.leadId === l.id)
              .sort((a, b) => a.capturedAt - b.capturedAt || (a.kind === 'withdrawn' ? 1 : -1))
              .pop();
            const reasons = [
              ...(l.dncStatus === 'listed' ||
              world.calls.some((c) => c.leadId === l.id && c.outcome === 'dnc-requested')
                ? [{ code: 'dnc-listed' as const }]
                : []),
              ...(last?.kind === 'withdrawn' ? [{ code: 'consent-withdrawn' as const }] : []),
              ...(l.anonymizedAt !== undefined ? [{ code: 'anonymized' as const }] : []),
            ];
            const stage = leadLifecycle(l, reasons, now, dormantPeriodMs(dormantDays)).stage;
            const key = cohortKey(l.acquiredAt, grain, zone);
            const row = expected.get(key) ?? LIFECYCLE_STAGES.map(() => 0);
            row[LIFECYCLE_STAGES.indexOf(stage)]! += 1;
            expected.set(key, row);
          }
          expect(new Map(mix.cohorts.map((c) => [c.key, c.counts]))).toEqual(expected);
          const sizes = aggregateCohorts(snap, { grain, split: 'none', windowDays: 30 }, now).cells.map((c) => c.leads);
          expect(mix.cohorts.map((c) => c.leads)).toEqual(sizes);
          for (const c of mix.cohorts) expect(c.counts.reduce((a, b) => a + b, 0)).toBe(c.leads);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps to the range asked for', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const snap = buildSnapshot(world.leads, world.calls, ctx('UTC'));
        const mix = stageMix(
          snap,
          { grain: 'month', from: '2025-11', to: '2026-01', dormantDays: 90 },
          Date.UTC(2026, 6, 1),
        );
        for (const c of mix.cohorts) expect(c.key >= '2025-11' && c.key <= '2026-01').toBe(true);
      }),
    );
  });
});
