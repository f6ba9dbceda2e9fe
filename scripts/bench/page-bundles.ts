/**
 * Bundles the code that runs inside the benchmark's pages (the dataset loader and the probe)
 * into self-contained IIFE scripts, with Vite's own bundler, so the page runs exactly the
 * TypeScript the Vitest tests check.
 */
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

async function bundle(entry: string, name: string): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry: fileURLToPath(new URL(entry, import.meta.url)), formats: ['iife'], name },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((c) => c.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error(`bundling ${entry} produced no script`);
  return chunk.code;
}

export interface PageBundles {
  loader: string;
  probe: string;
  /** A fresh team replica's first sync (the team part). */
  replica: string;
}

export async function buildPageBundles(): Promise<PageBundles> {
  return {
    loader: await bundle('./page/loader.ts', '__benchLoaderModule'),
    probe: await bundle('./page/probe.ts', '__benchProbeModule'),
    replica: await bundle('./page/replica.ts', '__benchReplicaModule'),
  };
}
