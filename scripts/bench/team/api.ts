/** The team server's HTTP API as the bench's simulated clients call it (sign-in, push, pull). */
import type { MutationResult } from '../../../server/src/protocol/mutations';
import type { PullPage } from '../../../server/src/pull/pull';

export interface TeamApi {
  url: string;
  signIn(email: string, password: string): Promise<string>;
  push(token: string, deviceId: string, mutations: readonly object[]): Promise<MutationResult[]>;
  pull(token: string, cursor: number, limit: number): Promise<PullPage>;
}

async function answer<T>(path: string, res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

export function teamApi(url: string): TeamApi {
  const post = async <T>(path: string, body: unknown, token?: string): Promise<T> =>
    answer<T>(
      path,
      await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      }),
    );
  return {
    url,
    signIn: async (email, password) => (await post<{ token: string }>('/auth/sign-in', { email, password })).token,
    push: async (token, deviceId, mutations) =>
      (await post<{ results: MutationResult[] }>('/push', { deviceId, mutations }, token)).results,
    pull: async (token, cursor, limit) =>
      answer<PullPage>(
        '/pull',
        await fetch(`${url}/pull?cursor=${cursor}&limit=${limit}`, { headers: { authorization: `Bearer ${token}` } }),
      ),
  };
}
