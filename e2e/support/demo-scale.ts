import type { BrowserContext } from '@playwright/test';

/**
 * The share of the full demo (about 20,000 leads) that a test profile seeds: every test needs
 * the demo's kinds of record, not its volume (src/features/demo/api/demo-scale.ts). The tests of
 * first start and seeding itself open their own contexts and seed the full demo.
 * `E2E_DEMO_SCALE=1` runs the whole suite on the full demo.
 */
export const E2E_DEMO_SCALE = process.env.E2E_DEMO_SCALE ?? '0.3';

/** Fewer leads than the seeded demo surely holds (the full demo has about 20,000; never fewer than 18,000). */
export const DEMO_LEADS_AT_LEAST = Math.round(15_000 * Number(E2E_DEMO_SCALE));

/** Ask every page of `context` for the e2e demo size, before its first start. */
export async function useE2eDemoScale(context: BrowserContext): Promise<void> {
  const scale = E2E_DEMO_SCALE;
  await context.addInitScript((s) => {
    try {
      if (localStorage.getItem('leadledger:demo-scale') === null) localStorage.setItem('leadledger:demo-scale', s);
    } catch {
      // about:blank and sandboxed frames have no storage: nothing to seed there
    }
  }, scale);
}
