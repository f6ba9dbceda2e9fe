/** One throwaway, migrated database per test run (server/dev/throwaway-database.ts), dropped after it. */
import type { TestProject } from 'vitest/node';
import { createThrowawayDatabase } from '../dev/throwaway-database';

declare module 'vitest' {
  export interface ProvidedContext {
    ownerUrl: string;
    apiUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const db = await createThrowawayDatabase('leadledger_test');
  project.provide('ownerUrl', db.ownerUrl);
  project.provide('apiUrl', db.apiUrl);
  return () => db.drop();
}
