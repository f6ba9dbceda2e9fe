import * as Comlink from 'comlink';
import { useEffect, useState } from 'react';
import { getDb } from '../../../db/leads-db';
import { seedNeeded } from '../../../db/repos/demo-repo';
import { demoScale } from './demo-scale';
import { demoWorker } from './demo-worker';
import { seedRunStore } from './seed-progress-store';

let seeding: Promise<unknown> | null = null;

/** Ask the demo worker to seed, if there is anything to seed (a cheap check on the page first). */
async function seedInWorker(): Promise<void> {
  if (!(await seedNeeded(getDb()))) return;
  seedRunStore.set({ kind: 'first-start', startedAt: Date.now(), progress: null });
  try {
    await demoWorker().seed(Date.now(), Comlink.proxy(seedRunStore.progressFor('first-start')), demoScale());
  } finally {
    seedRunStore.end('first-start');
  }
}

/**
 * Seed the demo data on first start (once per page, however often React runs the effect), in
 * the demo worker; progress is in `useSeedRun()`.
 */
export function useDemoSeed(): 'seeding' | 'ready' {
  const [state, setState] = useState<'seeding' | 'ready'>('seeding');
  useEffect(() => {
    let alive = true;
    seeding ??= seedInWorker().catch((e: unknown) => console.error('Demo seeding failed', e));
    void seeding.then(() => alive && setState('ready'));
    return () => {
      alive = false;
    };
  }, []);
  return state;
}
