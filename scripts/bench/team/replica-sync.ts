/**
 * A fresh browser's first sync: a new Chromium profile opens a page of the team server's own
 * origin (its health answer: a loopback page, so Chromium's local-network checks let it reach
 * the server, which a page fulfilled by the harness could not), and the app's own pull loop and
 * `applyPulledPage` (scripts/bench/page/replica.ts), in a worker of that page as the app runs
 * them, pull the organisation from the server into a database with the app's schema and
 * middlewares. With `withEngine`, the app's grid engine follows it in a worker of its own (the
 * Leads screen open), and a new engine then opens over the replica.
 */
import { openSession } from '../browser';
import type { PageBundles } from '../page-bundles';
import type { BenchReplica, FirstSyncResult } from '../page/replica';
import { removeTemp, tempDir } from '../temp-dirs';

export async function replicaFirstSync(
  bundles: PageBundles,
  serverUrl: string,
  token: string,
  withEngine = false,
): Promise<FirstSyncResult> {
  const profile = tempDir('leadledger-bench-replica-');
  try {
    const session = await openSession(profile, serverUrl, bundles);
    try {
      await session.page.goto('/health');
      await session.page.addScriptTag({ content: bundles.replica });
      return await session.page.evaluate(
        ([url, t, script, engine]) =>
          (globalThis as unknown as { __benchReplica: BenchReplica }).__benchReplica.firstSync(
            url,
            t,
            'bench-replica',
            script,
            engine,
          ),
        [serverUrl, token, bundles.replica, withEngine] as const,
      );
    } finally {
      await session.close();
    }
  } finally {
    removeTemp(profile);
  }
}
