import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scrubOverlay, withScrub, type ScrubOverlay } from './scrub-overlay';
import type { ScrubbedFields } from './scrub-overlay';

type Fields = ScrubbedFields & { id: number; createdAt: number; anonymizedAt?: number; phone: string };

const PHONES = ['+1', '+2', '+3', '+4', '+5'];

/** What happens, in time order: leads stored, scrubs, writes that read and store a lead, listings, purges. */
type Event =
  | { kind: 'create'; phone: number }
  | { kind: 'scrub'; listed: number[]; versions: number[] }
  | { kind: 'touch'; lead: number }
  | { kind: 'list'; lead: number }
  | { kind: 'anonymise'; lead: number };

const event: fc.Arbitrary<Event> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), phone: fc.nat(PHONES.length - 1) }),
  fc.record({
    kind: fc.constant('scrub' as const),
    listed: fc.uniqueArray(fc.nat(PHONES.length - 1), { maxLength: PHONES.length }),
    versions: fc.uniqueArray(fc.nat(9), { maxLength: 3 }).map((v) => v.sort((a, b) => a - b)),
  }),
  fc.record({ kind: fc.constant('touch' as const), lead: fc.nat(40) }),
  fc.record({ kind: fc.constant('list' as const), lead: fc.nat(40) }),
  fc.record({ kind: fc.constant('anonymise' as const), lead: fc.nat(40) }),
);

const fresh = (id: number, phone: string, at: number): Fields => ({
  id,
  createdAt: at,
  phone,
  dncStatus: 'unchecked',
  dncCheckedVersions: [],
});

/** Before the overlay: a scrub rewrote every stored lead that still had its number. */
function rewritten(events: readonly Event[]): Map<number, Fields> {
  const leads = new Map<number, Fields>();
  events.forEach((e, t) => {
    const lead = 'lead' in e ? leads.get(e.lead) : undefined;
    if (e.kind === 'create') leads.set(leads.size + 1, fresh(leads.size + 1, PHONES[e.phone]!, t));
    else if (e.kind === 'scrub') {
      const listed = new Set(e.listed.map((p) => PHONES[p]));
      for (const l of leads.values())
        if (l.anonymizedAt === undefined)
          Object.assign(l, {
            dncStatus: listed.has(l.phone) ? 'listed' : 'clear',
            dncCheckedAt: t,
            dncCheckedVersions: e.versions,
          });
    } else if (e.kind === 'list' && lead) lead.dncStatus = 'listed';
    else if (e.kind === 'anonymise' && lead && lead.anonymizedAt === undefined) lead.anonymizedAt = t;
  });
  return leads;
}

/** With the overlay: a scrub writes one row; every write reads the lead through it and stores what it read. */
function overlaid(events: readonly Event[]): { leads: Map<number, Fields>; overlay: ScrubOverlay | null } {
  const leads = new Map<number, Fields>();
  let overlay: ScrubOverlay | null = null;
  const read = (id: number) => withScrub(leads.get(id)!, overlay);
  events.forEach((e, t) => {
    const stored = 'lead' in e && leads.has(e.lead);
    if (e.kind === 'create') leads.set(leads.size + 1, fresh(leads.size + 1, PHONES[e.phone]!, t));
    else if (e.kind === 'scrub') {
      const listed = new Set(e.listed.map((p) => PHONES[p]));
      const checked = [...leads.values()].filter((l) => l.anonymizedAt === undefined);
      overlay = scrubOverlay({
        at: t,
        versionIds: e.versions,
        listedLeadIds: checked.filter((l) => listed.has(l.phone)).map((l) => l.id),
        lastLeadId: leads.size,
      });
    } else if (e.kind === 'touch' && stored) leads.set(e.lead, { ...read(e.lead) });
    else if (e.kind === 'list' && stored) leads.set(e.lead, { ...read(e.lead), dncStatus: 'listed' });
    else if (e.kind === 'anonymise' && stored) {
      const lead = read(e.lead);
      if (lead.anonymizedAt === undefined) leads.set(e.lead, { ...lead, anonymizedAt: t });
    }
  });
  return { leads, overlay };
}

const dnc = (l: Fields) => ({ dncStatus: l.dncStatus, dncCheckedAt: l.dncCheckedAt, versions: l.dncCheckedVersions });

describe('the scrub overlay', () => {
  it('reads every lead exactly as a scrub that rewrote every lead left it, whatever was written between', () => {
    let scrubsOverLeads = 0;
    let listedAfterScrub = 0;
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 60 }), (events) => {
        const before = rewritten(events);
        const { leads, overlay } = overlaid(events);
        for (const [id, lead] of before) {
          const read = withScrub(leads.get(id)!, overlay);
          expect(dnc(read), `lead ${id}`).toEqual(dnc(lead));
          if (read !== leads.get(id)) scrubsOverLeads++;
          if (lead.dncStatus === 'listed' && lead.dncCheckedAt !== undefined) listedAfterScrub++;
        }
      }),
      { numRuns: 400 },
    );
    // Anti-vacuity: the runs did read leads through a scrub's row, and found some listed.
    expect(scrubsOverLeads).toBeGreaterThan(50);
    expect(listedAfterScrub).toBeGreaterThan(20);
  });

  it('a lead stored after the scrub, or beyond the last id it read, keeps its own check', () => {
    const overlay = scrubOverlay({ at: 100, versionIds: [2], listedLeadIds: [1, 5], lastLeadId: 4 })!;
    const lead = { id: 1, createdAt: 50, dncStatus: 'unchecked' as const, dncCheckedVersions: [] };
    expect(withScrub(lead, overlay)).toMatchObject({ dncStatus: 'listed', dncCheckedAt: 100, dncCheckedVersions: [2] });
    expect(withScrub({ ...lead, createdAt: 101 }, overlay)).toMatchObject({ dncStatus: 'unchecked' });
    expect(withScrub({ ...lead, id: 5 }, overlay)).toMatchObject({ dncStatus: 'unchecked' });
    // Its own later check stands; an earlier one is replaced.
    const own = { ...lead, dncStatus: 'clear' as const, dncCheckedAt: 120, dncCheckedVersions: [3] };
    expect(withScrub(own, overlay)).toBe(own);
    expect(withScrub({ ...own, dncCheckedAt: 90 }, overlay)).toMatchObject({ dncStatus: 'listed', dncCheckedAt: 100 });
    // Anonymised before the scrub: no number was checked; after it: it was.
    expect(withScrub({ ...lead, anonymizedAt: 99 }, overlay)).toMatchObject({ dncStatus: 'unchecked' });
    expect(withScrub({ ...lead, anonymizedAt: 101 }, overlay)).toMatchObject({ dncStatus: 'listed' });
  });

  it('a scrub row from before the overlay lays nothing over the leads (it wrote its facts onto them)', () => {
    expect(scrubOverlay({ at: 100, versionIds: [2] })).toBeNull();
    const lead = { id: 1, createdAt: 50, dncStatus: 'clear' as const, dncCheckedAt: 100, dncCheckedVersions: [2] };
    expect(withScrub(lead, null)).toBe(lead);
  });

  it('gives each lead its own copy of the versions', () => {
    const overlay = scrubOverlay({ at: 100, versionIds: [2, 3], listedLeadIds: [], lastLeadId: 9 })!;
    const lead = { id: 1, createdAt: 0, dncStatus: 'unchecked' as const, dncCheckedVersions: [] as number[] };
    const a = withScrub(lead, overlay);
    a.dncCheckedVersions.push(7);
    expect(overlay.versionIds).toEqual([2, 3]);
  });
});
