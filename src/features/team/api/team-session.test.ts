// @vitest-environment jsdom
/** The token kept for the session: refreshed near its end, never bringing back a session that ended meanwhile. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshToken, REFRESH_BEFORE_MS, setTeamSession, validToken } from './team-session';
import { TeamHttpError } from './team-client';

const NOW = 1_800_000_000_000;
afterEach(() => setTeamSession(null));

describe('freshToken', () => {
  it('keeps a token with time left, and exchanges one near its end for a new one kept for the session', async () => {
    const refresh = vi.fn(async () => ({ token: 'new', expiresInSec: 900 }));
    setTeamSession({ token: 'old', expiresAt: NOW + REFRESH_BEFORE_MS + 1000 });
    expect(await freshToken(refresh, NOW)).toBe('old');
    expect(refresh).not.toHaveBeenCalled();
    setTeamSession({ token: 'old', expiresAt: NOW + REFRESH_BEFORE_MS - 1000 });
    expect(await freshToken(refresh, NOW)).toBe('new');
    expect(refresh).toHaveBeenCalledWith('old');
    expect(validToken(NOW)).toBe('new');
    expect(validToken(NOW + 899_000)).toBeNull(); // within the 10 s margin of its end
  });

  it('an expired token is not refreshed', async () => {
    const refresh = vi.fn();
    setTeamSession({ token: 'old', expiresAt: NOW - 1 });
    expect(await freshToken(refresh, NOW)).toBeNull();
    expect(refresh).not.toHaveBeenCalled();
  });

  it('a sign-out or another sign-in while the refresh was on its way is not undone', async () => {
    setTeamSession({ token: 'old', expiresAt: NOW + 60_000 });
    const signOut = async () => {
      setTeamSession(null);
      return { token: 'new', expiresInSec: 900 };
    };
    expect(await freshToken(signOut, NOW)).toBeNull();
    expect(validToken(NOW)).toBeNull();
    setTeamSession({ token: 'old', expiresAt: NOW + 60_000 });
    const otherUser = async () => {
      setTeamSession({ token: 'someone-else', expiresAt: NOW + 900_000 });
      return { token: 'new', expiresInSec: 900 };
    };
    expect(await freshToken(otherUser, NOW)).toBe('someone-else');
    expect(validToken(NOW)).toBe('someone-else');
  });

  it('a refused refresh throws (sign in again); a server or network failure keeps the token while it is valid', async () => {
    setTeamSession({ token: 'old', expiresAt: NOW + 60_000 });
    await expect(
      freshToken(async () => Promise.reject(new TeamHttpError(401, 'session ended')), NOW),
    ).rejects.toMatchObject({ status: 401 });
    for (const status of [0, 500]) {
      setTeamSession({ token: 'old', expiresAt: NOW + 60_000 });
      expect(await freshToken(async () => Promise.reject(new TeamHttpError(status, 'x')), NOW)).toBe('old');
      expect(validToken(NOW)).toBe('old');
    }
  });
});
