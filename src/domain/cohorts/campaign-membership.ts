/**
 * Which campaign a lead belongs to. A lead carrying a campaign id belongs to that campaign
 * ("explicit"); a lead without one belongs to a campaign when it was acquired inside the
 * campaign's window through the campaign's channel ("window"). The screen says which rule
 * applied, because the second one is an inference a manager may want to discount.
 *
 * "Through the channel": a campaign tied to an event takes the leads of the source of that
 * event (the event id is the source id); otherwise its channel names a source id, a source
 * kind (`web`, `vendor`, …) or an entry method (`api`, `file`, …). A phone campaign with no
 * event therefore only ever has explicit members.
 */
import type { Campaign } from '../catalog/campaign';
import type { Lead } from '../leads/lead';

export type MembershipRule = 'explicit' | 'window';

export interface CampaignMembership {
  campaignId: string;
  rule: MembershipRule;
}

export type MembershipLead = Pick<Lead, 'campaignId' | 'acquiredAt' | 'sourceId' | 'entryMethod'>;

/** True when a lead of this source and entry method comes through the campaign's channel. */
export function throughChannel(
  campaign: Campaign,
  sourceId: string,
  sourceKind: string | undefined,
  entryMethod: string,
): boolean {
  if (campaign.event) return campaign.event === sourceId;
  const ch = campaign.channel;
  return ch !== '' && (ch === sourceId || ch === sourceKind || ch === entryMethod);
}

/** Window candidates first by latest start, so a lead in overlapping windows goes to the most recent campaign. */
export function windowOrder(campaigns: readonly Campaign[]): Campaign[] {
  return [...campaigns].sort((a, b) => b.startsAt - a.startsAt || a.id.localeCompare(b.id));
}

/**
 * The campaign of one lead and the rule that put it there, or null. `ordered` is
 * `windowOrder(campaigns)`; `sourceKinds` maps source ids to their kind.
 */
export function campaignMembership(
  lead: MembershipLead,
  ordered: readonly Campaign[],
  sourceKinds: ReadonlyMap<string, string>,
): CampaignMembership | null {
  if (lead.campaignId) return { campaignId: lead.campaignId, rule: 'explicit' };
  const kind = sourceKinds.get(lead.sourceId);
  for (const c of ordered) {
    if (
      lead.acquiredAt >= c.startsAt &&
      lead.acquiredAt < c.endsAt &&
      throughChannel(c, lead.sourceId, kind, lead.entryMethod)
    ) {
      return { campaignId: c.id, rule: 'window' };
    }
  }
  return null;
}
