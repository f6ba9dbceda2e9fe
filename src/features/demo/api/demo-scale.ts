/**
 * The demo's size. The app seeds the full demo (about 20,000 leads); a browser profile may ask
 * for a smaller one by setting `localStorage['leadledger:demo-scale']` (0.05–1) before the
 * first start. The e2e suite does (e2e/fixtures.ts): every test needs the demo's kinds of
 * record, not its volume, and a third of it takes a third of the time to seed, scrub and purge.
 */
export const DEMO_SCALE_KEY = 'leadledger:demo-scale';

export function demoScale(): number {
  let raw: string | null;
  try {
    raw = globalThis.localStorage?.getItem(DEMO_SCALE_KEY) ?? null;
  } catch {
    return 1; // storage refused (private mode, sandboxed frame): the full demo
  }
  const scale = raw === null ? NaN : Number(raw);
  return Number.isFinite(scale) && scale >= 0.05 && scale <= 1 ? scale : 1;
}
