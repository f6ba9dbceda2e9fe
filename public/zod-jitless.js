// Before any module runs: zod must not probe `new Function`, which the Content-Security-Policy forbids (src/domain/zod-jitless.ts).
(globalThis.__zod_globalConfig ??= {}).jitless = true;
