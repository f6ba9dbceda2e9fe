/** A lead read from a file or payload, validated and normalised, before it meets the database. */
import type { AcquiredAtPrecision } from '../leads/lead';

export type ConsentKind = 'granted' | 'withdrawn';

export interface ConsentDraft {
  kind: ConsentKind;
  capturedAt: number;
  /** The file's proof reference; null means "this file, this line" (filled in at commit). */
  proofRef: string | null;
  line: number;
}

/** One acquisition of a number: where and when its data was obtained. */
export interface AcquisitionDraft {
  sourceRef: string;
  campaignRef: string | null;
  acquiredAt: number;
  precision: AcquiredAtPrecision;
  declared: boolean;
  line: number;
}

export interface PreparedLead extends AcquisitionDraft {
  phoneE164: string;
  phoneRaw: string;
  region: string;
  timeZone: string;
  name: string;
  company: string;
  email: string;
  tags: string[];
  consents: ConsentDraft[];
  /** Later rows of the same number in the same file: every one is kept as an acquisition. */
  extraAcquisitions: AcquisitionDraft[];
}

/** Every acquisition the leads carry: each lead's own, then the later ones of its number. */
export function acquisitionsOf(leads: readonly PreparedLead[]): AcquisitionDraft[] {
  return leads.flatMap((l) => [l, ...l.extraAcquisitions]);
}

/** Where and when each acquisition names a campaign, for the campaigns' spans. */
export function campaignMentions(leads: readonly PreparedLead[]): { campaignRef: string | null; at: number }[] {
  return acquisitionsOf(leads).map((a) => ({ campaignRef: a.campaignRef, at: a.acquiredAt }));
}
