// `npm run bench [-- --size 100k] [--json PATH] [--runs N]`: measures the built app in real
// Chromium (see scripts/bench/main.ts and the README's "Performance" section). The harness is
// TypeScript; Vite's module runner loads it, so Node needs no extra loader.
import { runnerImport } from 'vite';

const { module } = await runnerImport(new URL('./bench/main.ts', import.meta.url).pathname, {
  configFile: false,
  logLevel: 'warn',
});
process.exitCode = await module.main(process.argv.slice(2));
