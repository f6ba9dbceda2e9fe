/** Builds the app into its own folder and serves it with `vite preview` on a loopback port. */
import { readdirSync, readFileSync } from 'node:fs';
import { build, preview, type Plugin, type PreviewServer } from 'vite';
import { BENCH_PAGE } from './browser';

export interface Served {
  url: string;
  close: () => Promise<void>;
}

/**
 * The app as users get it. The harness runs under Vite's module runner (scripts/bench.mjs), which
 * set NODE_ENV=development for this process; a build inherits it, and until session 12 the bench
 * measured React's development build (jsxDEV, owner stacks) while `npm run build` shipped the
 * production one. The build is forced to production, and checked.
 */
export async function buildApp(outDir: string): Promise<void> {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
  const dev = readdirSync(`${outDir}/assets`).filter(
    (f) => f.endsWith('.js') && readFileSync(`${outDir}/assets/${f}`, 'utf8').includes('jsxDEV'),
  );
  if (dev.length) throw new Error(`the bench build holds React's development runtime (${dev[0]}…)`);
}

/** The harness's blank page (browser.ts), beside the app: served, not routed, so the HTTP cache stays on. */
function benchPage(): Plugin {
  return {
    name: 'leadledger-bench-page',
    configurePreviewServer: (server) =>
      void server.middlewares.use(BENCH_PAGE, (_req, res) => {
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end('<!doctype html><meta charset="utf-8"><title>LeadLedger benchmark</title>');
      }),
  };
}

export async function serveApp(outDir: string, port: number): Promise<Served> {
  const server: PreviewServer = await preview({
    logLevel: 'warn',
    plugins: [benchPage()],
    build: { outDir },
    preview: { port, strictPort: true, host: '127.0.0.1', open: false },
  });
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}
