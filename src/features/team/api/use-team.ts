/** The team edition's state for screens: who is signed in, what is waiting, how the last sync went, the issues. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMutation } from '@tanstack/react-query';
import { getDb } from '../../../db/leads-db';
import { disableTeamMode, enableTeamMode, getSyncStatus, getTeamConfig } from '../../../db/repos/sync-state-repo';
import { listSyncIssues, pendingCount } from '../../../db/repos/sync-outbox-repo';
import { serverBase, signIn } from './team-client';
import { setTeamSession } from './team-session';
import { syncNow } from './sync-runner-on-demand';

/** Team mode's settings (undefined while loading, null when never set up). */
export function useTeamConfig() {
  return useLiveQuery(async () => (await getTeamConfig(getDb())) ?? null, []);
}

export function useSyncSummary() {
  return useLiveQuery(async () => {
    const db = getDb();
    const [pending, status] = await Promise.all([pendingCount(db), getSyncStatus(db)]);
    return { pending, status };
  }, []);
}

export function useSyncIssues() {
  return useLiveQuery(() => listSyncIssues(getDb()), []);
}

export interface SignInInput {
  serverUrl: string;
  email: string;
  password: string;
}

/** Sign in, keep the token for the session, switch team mode on, and sync at once. */
export function useTeamSignIn() {
  return useMutation({
    networkMode: 'always',
    mutationFn: async ({ serverUrl, email, password }: SignInInput) => {
      const answer = await signIn(serverUrl, email, password);
      setTeamSession({ token: answer.token, expiresAt: Date.now() + answer.expiresInSec * 1000 });
      await enableTeamMode(getDb(), { serverUrl: serverBase(serverUrl), email, ...answer.user });
      void syncNow();
      return answer;
    },
  });
}

/** Sign out: the token is forgotten and team mode is off; queued changes wait for the next sign-in. */
export function useTeamSignOut() {
  return useMutation({
    networkMode: 'always',
    mutationFn: async () => {
      setTeamSession(null);
      await disableTeamMode(getDb());
    },
  });
}
