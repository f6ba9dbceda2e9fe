// @vitest-environment jsdom
/**
 * Team mode in Settings, in-process over fake-indexeddb with the server's answers stubbed (the
 * real server is exercised by e2e/team-sync.spec.ts): off by default, a labelled sign-in form, a
 * refused sign-in says why, a successful one switches team mode on and shows who is signed in,
 * and sign-out switches it off again.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LeadsDb } from '../../../db/leads-db';
import { deleteFreshDatabases, freshDb } from '../../../db/test-databases';
import { getTeamConfig } from '../../../db/repos/sync-state-repo';
import { initI18n } from '../../../i18n/i18n';
import { TeamSettings } from './team-settings';
import { SyncIssuesCard } from './sync-issues';
import { enableTeamMode } from '../../../db/repos/sync-state-repo';

const h = vi.hoisted(() => ({ db: null as unknown }));
vi.mock('../../../db/leads-db', async (original) => ({ ...(await original<object>()), getDb: () => h.db }));
vi.mock('../api/sync-runner-on-demand', () => ({ syncNow: () => Promise.resolve(true), failedRounds: () => 0 }));

deleteFreshDatabases();
beforeAll(() => {
  configure({ asyncUtilTimeout: 10_000 });
  initI18n();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

function renderCard() {
  const client = new QueryClient();
  render(
    <QueryClientProvider client={client}>
      <TeamSettings />
    </QueryClientProvider>,
  );
}

async function fillAndSubmit() {
  const form = await screen.findByRole('form', { name: 'Sign in to the team server' });
  fireEvent.change(screen.getByLabelText('Server address'), { target: { value: 'https://team.example.test/' } });
  fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: 'agent@example.test' } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret' } });
  fireEvent.submit(form);
}

describe('team mode in Settings', () => {
  it('is off by default and says a refused sign-in was refused, switching nothing on', async () => {
    const db = freshDb();
    h.db = db;
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ error: 'unauthorized' }), { status: 401 })),
    );
    renderCard();
    expect(await screen.findByText(/Team mode is off/)).toBeTruthy();
    await fillAndSubmit();
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong e-mail or password.');
    expect(await getTeamConfig(db as LeadsDb)).toBeUndefined();
  });

  it('an unreachable server is named as such', async () => {
    h.db = freshDb();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    renderCard();
    await fillAndSubmit();
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not be reached/);
  });

  it('signs in (token for the session only), shows who, and signs out', async () => {
    const db = freshDb();
    h.db = db;
    const user = { orgId: 'o', userId: 'u', role: 'agent', teamIds: ['t'] };
    const fetch = vi.fn(async () => new Response(JSON.stringify({ token: 'tok', expiresInSec: 900, user })));
    vi.stubGlobal('fetch', fetch);
    renderCard();
    await fillAndSubmit();
    expect((await screen.findByTestId('team-signed-in')).textContent).toContain(
      'Signed in as agent@example.test (agent).',
    );
    expect(fetch).toHaveBeenCalledWith('https://team.example.test/auth/sign-in', expect.anything());
    expect(await getTeamConfig(db)).toMatchObject({ enabled: true, serverUrl: 'https://team.example.test', ...user });
    expect(sessionStorage.getItem('leadledger.team-session')).toContain('tok');
    expect(await db.syncState.get('token')).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(async () => expect((await getTeamConfig(db))?.enabled).toBe(false));
    expect(await screen.findByRole('form', { name: 'Sign in to the team server' })).toBeTruthy();
  });

  it('the conflicts card appears once the browser has signed in, with both values of a conflict', async () => {
    const db = freshDb();
    h.db = db;
    const { container } = render(
      <QueryClientProvider client={new QueryClient()}>
        <SyncIssuesCard />
      </QueryClientProvider>,
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(container.textContent).toBe('');
    await enableTeamMode(db, {
      serverUrl: 'https://team.example.test',
      email: 'a@example.test',
      userId: 'u',
      orgId: 'o',
      role: 'agent',
      teamIds: ['t'],
    });
    await db.syncIssues.add({
      at: 1,
      kind: 'conflict',
      mutationId: 'm',
      leadId: 7,
      field: 'name',
      yours: 'Ada',
      kept: 'Grace',
    });
    const row = await screen.findByTestId('sync-issue');
    expect(row.textContent).toContain('name was edited elsewhere too');
    expect(row.textContent).toContain('Grace');
    expect(row.textContent).toContain('Ada');
    expect(row.textContent).toContain('#7');
  });
});
