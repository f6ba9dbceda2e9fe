/** The snapshot's campaign membership column: each lead's campaign as a dictionary code, and the rule that put it there. */
import { Dictionary } from '../columns/dictionary';
import type { Campaign } from '../catalog/campaign';
import { campaignMembership, windowOrder, type MembershipLead } from './campaign-membership';
import type { SnapshotContext } from './columnar-snapshot';

/** How a lead joined its campaign: 0 none, 1 explicit campaign id, 2 acquisition window. */
export const RULE_NONE = 0;
export const RULE_EXPLICIT = 1;
export const RULE_WINDOW = 2;

/**
 * Each lead's campaign membership (campaign-membership.ts) as a code of the snapshot's member
 * dictionary: the catalogue's campaigns first, in its order, then explicit ids as first seen.
 */
export class MemberCoder {
  readonly dict: Dictionary;
  /** The rule of the last lead coded (RULE_NONE, RULE_EXPLICIT or RULE_WINDOW). */
  rule = RULE_NONE;
  private readonly ordered: Campaign[];
  private readonly kinds: Map<string, string>;

  constructor(ctx: SnapshotContext) {
    this.dict = new Dictionary(['', ...ctx.campaigns.map((c) => c.id)]);
    this.ordered = windowOrder(ctx.campaigns);
    this.kinds = new Map(ctx.sources.map((s) => [s.id, s.kind]));
  }

  /** The member code of `lead` (0: none); its rule is left in `rule`. */
  code(lead: MembershipLead): number {
    const m = campaignMembership(lead, this.ordered, this.kinds);
    this.rule = m ? (m.rule === 'explicit' ? RULE_EXPLICIT : RULE_WINDOW) : RULE_NONE;
    return m ? this.dict.code(m.campaignId) : 0;
  }
}
