/** Tests only: team mode switched on for a fresh database, as a sign-in would (no server is reached). */
import type { LeadsDb } from '../db/leads-db';
import { enableTeamMode } from '../db/repos/sync-state-repo';

export const TEST_TEAM = '7d9a3c1e-0000-4000-8000-000000000001';

export function teamModeOn(db: LeadsDb, role = 'agent'): Promise<void> {
  return enableTeamMode(db, {
    serverUrl: 'http://127.0.0.1:4361',
    email: `${role}@example.test`,
    userId: 'u1',
    orgId: 'o1',
    role,
    teamIds: [TEST_TEAM],
  });
}
