/**
 * The engine's cohort snapshot (read off the grid's lead columns) equals the reference built
 * from leads, calls and consents, over random worlds with deleted and anonymised leads, and
 * consent grants and withdrawals in any order (ties included).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyFlags } from '../columns/history-flags';
import { FLAG_CONSENT_WITHDRAWN } from '../columns/lead-flags';
import type { ConsentEvent } from '../compliance/consent-event';
import { buildLeadColumns } from '../leads/index/lead-columns';
import { patchLeadColumns } from '../leads/index/lead-columns-patch';
import { CONSENT_FILTER_STATES, DNC_FILTER_STATES, type LeadDerived } from '../leads/lead-filter';
import { buildSnapshot } from './snapshot-from-leads.test-helpers';
import { CAMPAIGNS, SOURCES, T0, ZONES, worldArb } from './cohort-fixtures.test-helpers';
import { snapshotFromColumns } from './snapshot-from-columns';

const consentArb = fc.record({
  pick: fc.nat(),
  purpose: fc.constantFrom('calls' as const, 'sms' as const),
  kind: fc.constantFrom('granted' as const, 'withdrawn' as const),
  // Few distinct instants, so ties between a grant and a withdrawal happen.
  at: fc.integer({ min: 0, max: 3 }),
});

describe('the cohort snapshot read off the engine columns', () => {
  it('equals the snapshot built from the tables', () => {
    let withdrawn = 0;
    let deleted = 0;
    fc.assert(
      fc.property(
        worldArb,
        fc.array(consentArb, { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.constantFrom(...ZONES),
        (world, rawConsents, gone, purged, timeZone) => {
          if (world.leads.length === 0) return;
          const leads = world.leads.map((l, i) =>
            purged.some((p) => p % world.leads.length === i) ? { ...l, anonymizedAt: T0 } : l,
          );
          const consents = rawConsents.map(
            (c, k) =>
              ({
                id: k + 1,
                leadId: leads[c.pick % leads.length]!.id,
                purpose: c.purpose,
                kind: c.kind,
                capturedAt: T0 + c.at * 60_000,
              }) as ConsentEvent,
          );
          const derived = leads.map((l): LeadDerived => ({
            consent: CONSENT_FILTER_STATES[0]!,
            dnc: DNC_FILTER_STATES[0]!,
            reasons: [],
            callable: true,
            history: historyFlags({
              calls: world.calls.filter((c) => c.leadId === l.id),
              consents: consents.filter((c) => c.leadId === l.id),
            }),
          }));
          const deletedRows = [...new Set(gone.map((g) => g % leads.length))];
          const cols = patchLeadColumns(buildLeadColumns(leads, derived), [], deletedRows);
          const ctx = { timeZone, campaigns: CAMPAIGNS, sources: SOURCES };
          const kept = leads.filter((_, i) => !deletedRows.includes(i));
          const keptIds = new Set(kept.map((l) => l.id));
          const want = buildSnapshot(
            kept,
            world.calls.filter((c) => keptIds.has(c.leadId)),
            ctx,
            consents.filter((c) => keptIds.has(c.leadId)),
          );
          expect(snapshotFromColumns(cols, ctx)).toEqual(want);
          if (want.flags.some((f) => f & FLAG_CONSENT_WITHDRAWN)) withdrawn++;
          if (deletedRows.length) deleted++;
        },
      ),
      { numRuns: 200 },
    );
    // Anti-vacuity: withdrawals and deleted rows were part of what was compared.
    expect(withdrawn).toBeGreaterThan(20);
    expect(deleted).toBeGreaterThan(20);
  });
});
