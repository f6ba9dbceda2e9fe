/**
 * Leads as a steward's device pushes them to the team server, and what a replica holds of one,
 * for the team edition's end-to-end tests.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { formatHlc } from '../../src/domain/sync/hlc';
import { readStore } from './idb-read';

const DAY = 86_400_000;

interface StoredLead {
  id: number;
  phoneE164: string;
  name: string;
}
interface StoredCall {
  leadId: number;
  outcome: string;
}

/** A steward device's stamp at `wall`. */
export const stamp = (wall: number) => formatHlc({ wall, counter: 0, node: 'e2e-steward' });

/** A new lead of `teamId` and `calls` calls on it, as a steward's device pushes them. */
export function leadWithCalls(
  leadId: string,
  phoneE164: string,
  name: string,
  teamId: string,
  calls: number,
): object[] {
  const acquired = Date.now() - 30 * DAY;
  const at = stamp(Date.now() - 60_000);
  const fields: Record<string, unknown> = {
    teamId,
    name,
    company: '',
    email: '',
    tags: [],
    sourceId: 'referrals',
    acquiredAt: acquired,
    acquiredAtPrecision: 'day',
    createdAt: acquired,
    updatedAt: acquired,
    entryMethod: 'manual',
    attempts: 0,
    dncStatus: 'unchecked',
    region: 'US',
    timeZone: 'America/Los_Angeles',
  };
  const stamped = Object.fromEntries(Object.entries(fields).map(([k, value]) => [k, { value, hlc: at }]));
  return [
    { id: randomUUID(), type: 'lead.put', leadId, phoneE164, fields: stamped },
    ...Array.from({ length: calls }, (_, i) => ({
      id: randomUUID(),
      type: 'call.add',
      call: {
        id: `call-${leadId}-${i + 1}`,
        leadId,
        at: Date.now() - (i + 1) * DAY,
        outcome: 'no-answer',
        durationSec: 0,
        agent: 'a',
      },
    })),
  ];
}

/** The lead of this number as the replica holds it (its name, or null) and how many calls it holds of it. */
export async function held(page: Page, phoneE164: string) {
  const lead = (await readStore<StoredLead>(page, 'leads')).find((l) => l.phoneE164 === phoneE164);
  const calls = lead ? (await readStore<StoredCall>(page, 'calls')).filter((c) => c.leadId === lead.id) : [];
  return { lead: lead?.name ?? null, calls: calls.length };
}
