/**
 * The team edition's state on this device (syncState, v007): the device id, who is signed in to
 * which server (team mode on or off), the pull cursor and the last sync's outcome. The access
 * token is not stored here: it lives for the browser session only (features/team).
 */
import type { LeadsDb } from '../leads-db';
import { SYNC_KEYS, teamConfigSchema, type SyncStatus, type TeamConfig } from '../../domain/sync/sync-rows';
import { auditSegments } from '../outbox-build';
import { mayRemove } from '../../domain/sync/mutation';

async function read<T>(db: LeadsDb, key: string): Promise<T | undefined> {
  return (await db.syncState.get(key))?.value as T | undefined;
}

export async function getTeamConfig(db: LeadsDb): Promise<TeamConfig | undefined> {
  const parsed = teamConfigSchema.safeParse(await read(db, SYNC_KEYS.team));
  return parsed.success ? parsed.data : undefined;
}

/** This browser profile's device id: one audit chain and one HLC node on the server. Made once. */
export async function ensureDeviceId(db: LeadsDb): Promise<string> {
  return db.transaction('rw', db.syncState, async () => {
    const held = await read<string>(db, SYNC_KEYS.device);
    if (held) return held;
    const id = crypto.randomUUID();
    await db.syncState.put({ key: SYNC_KEYS.device, value: id });
    return id;
  });
}

/**
 * Team mode on, as the user who signed in. A different organisation or user than last time
 * starts from cursor 0 (its leads are another set). The device's audit chain so far is queued
 * once, first, so the server can link every later entry to it (it checks each segment against
 * the device's stored head, from the first entry).
 */
export async function enableTeamMode(db: LeadsDb, config: Omit<TeamConfig, 'enabled'>): Promise<void> {
  await ensureDeviceId(db);
  await db.transaction('rw', [db.syncState, db.outbox, db.audit], async () => {
    const before = await getTeamConfig(db);
    const sameUser = before?.orgId === config.orgId && before.userId === config.userId;
    if (!sameUser) {
      await db.syncState.delete(SYNC_KEYS.cursor);
      const entries = await db.audit.orderBy('seq').toArray();
      const at = Date.now();
      await db.outbox.bulkAdd(auditSegments(entries).map((mutation) => ({ at, mutation })));
    }
    await db.syncState.put({ key: SYNC_KEYS.team, value: { ...config, enabled: true } });
  });
}

/**
 * The role and teams a token refresh answered (the server re-reads them), kept in the team config
 * while team mode is on for that same user: a promotion or a team move takes effect on this device
 * at the next refresh, not only at the next sign-in.
 */
export async function updateTeamClaims(
  db: LeadsDb,
  user: Pick<TeamConfig, 'orgId' | 'userId' | 'role' | 'teamIds'>,
): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    const config = await getTeamConfig(db);
    if (!config?.enabled || config.orgId !== user.orgId || config.userId !== user.userId) return;
    const same = config.role === user.role && config.teamIds.join() === user.teamIds.join();
    if (!same)
      await db.syncState.put({ key: SYNC_KEYS.team, value: { ...config, role: user.role, teamIds: user.teamIds } });
  });
}

/** Team mode off: the app works alone again; queued changes stay for the next sign-in. */
export async function disableTeamMode(db: LeadsDb): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    const config = await getTeamConfig(db);
    if (config) await db.syncState.put({ key: SYNC_KEYS.team, value: { ...config, enabled: false } });
  });
}

export async function getCursor(db: LeadsDb): Promise<number> {
  return (await read<number>(db, SYNC_KEYS.cursor)) ?? 0;
}

export async function getSyncStatus(db: LeadsDb): Promise<SyncStatus> {
  return (await read<SyncStatus>(db, SYNC_KEYS.status)) ?? {};
}

export async function recordSyncOutcome(db: LeadsDb, outcome: { at: number; error?: string }): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    const status = await getSyncStatus(db);
    const next: SyncStatus = outcome.error
      ? { ...status, error: outcome.error, errorAt: outcome.at }
      : { lastSyncedAt: outcome.at };
    await db.syncState.put({ key: SYNC_KEYS.status, value: next });
  });
}

/** Of these local lead ids, those whose removal was sent to the team (they cannot come back here). */
export async function leadsRemovedFromTeam(db: LeadsDb, leadIds: readonly number[]): Promise<number[]> {
  const rows = await db.syncIds.bulkGet(leadIds.map((id) => ['leads', id] as [string, number]));
  return rows.flatMap((r) => (r?.removed && typeof r.localId === 'number' ? [r.localId] : []));
}

/**
 * Whether this browser's user may remove lead `leadId`: always in the single-browser app and for
 * a lead the team does not hold; for a lead it holds, only as a steward, manager or team lead (the
 * outbox refuses the write otherwise, as the server would).
 */
export async function mayRemoveLead(db: LeadsDb, leadId: number): Promise<boolean> {
  const config = await getTeamConfig(db);
  return !config || mayRemove(config.role, await db.syncIds.get(['leads', leadId]));
}
