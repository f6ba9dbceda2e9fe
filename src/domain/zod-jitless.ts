/**
 * Zod 4 compiles object parsers with `new Function` unless told not to, and probes whether it may
 * by calling it once. Under LeadLedger's Content-Security-Policy (no 'unsafe-eval') that probe is
 * refused and reported as a `securitypolicyviolation`. Zod reads `globalThis.__zod_globalConfig`
 * (the object `z.config` writes), so setting `jitless` there before the first parse stops the
 * probe. Workers import this module first; the page loads public/zod-jitless.js, a classic script
 * that runs before any module (a chunk may parse while it is being evaluated).
 */
const g = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(g.__zod_globalConfig ??= {}).jitless = true;

export {};
