/**
 * Source and campaign names in a file, matched to the stored ones by id or name (case and
 * spacing ignored). A name seen for the first time becomes a new source or campaign, listed
 * before commit and removed again by a rollback when nothing else uses it.
 */
import type { Campaign } from '../catalog/campaign';
import type { Source } from '../catalog/source';
import { MS_PER_DAY } from '../time/calendar';
import type { Resolver } from './lead-merge';

export interface CatalogPlan extends Resolver {
  newSources: Source[];
  newCampaigns: Campaign[];
}

const key = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

/** An id from a name: lower-case words joined by dashes (Chinese kept), unique among `taken`. */
export function slugId(name: string, taken: ReadonlySet<string>): string {
  const base =
    key(name)
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'imported';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Each campaign's first and last instant among the records that name it (records without one are skipped). */
export function campaignSpans(
  records: Iterable<{ campaignRef: string | null; at: number }>,
): Map<string, { from: number; to: number }> {
  const spans = new Map<string, { from: number; to: number }>();
  for (const { campaignRef: ref, at } of records) {
    if (!ref) continue;
    const s = spans.get(ref);
    if (s) {
      s.from = Math.min(s.from, at);
      s.to = Math.max(s.to, at);
    } else spans.set(ref, { from: at, to: at });
  }
  return spans;
}

/** Resolve every source and campaign reference; `campaignSpans` gives each campaign's acquisition range. */
export function planCatalog(
  sourceRefs: Iterable<string>,
  campaignSpans: ReadonlyMap<string, { from: number; to: number }>,
  existing: { sources: readonly Source[]; campaigns: readonly Campaign[] },
  sourceKind: Source['kind'],
): CatalogPlan {
  const sources = new Map<string, string>();
  for (const s of existing.sources) {
    sources.set(key(s.id), s.id);
    if (!sources.has(key(s.name))) sources.set(key(s.name), s.id);
  }
  const campaigns = new Map<string, string>();
  for (const c of existing.campaigns) {
    campaigns.set(key(c.id), c.id);
    if (!campaigns.has(key(c.name))) campaigns.set(key(c.name), c.id);
  }
  const newSources: Source[] = [];
  const sourceIds = new Set(existing.sources.map((s) => s.id));
  for (const ref of sourceRefs) {
    if (sources.has(key(ref))) continue;
    const id = slugId(ref, sourceIds);
    sourceIds.add(id);
    sources.set(key(ref), id);
    newSources.push({ id, name: ref.trim(), kind: sourceKind });
  }
  const newCampaigns: Campaign[] = [];
  const campaignIds = new Set(existing.campaigns.map((c) => c.id));
  for (const [ref, span] of campaignSpans) {
    if (campaigns.has(key(ref))) continue;
    const id = slugId(ref, campaignIds);
    campaignIds.add(id);
    campaigns.set(key(ref), id);
    newCampaigns.push({ id, name: ref.trim(), channel: 'import', startsAt: span.from, endsAt: span.to + MS_PER_DAY });
  }
  return {
    newSources,
    newCampaigns,
    sourceId: (ref) => sources.get(key(ref)) ?? ref,
    campaignId: (ref) => (ref === null ? undefined : campaigns.get(key(ref))),
  };
}
