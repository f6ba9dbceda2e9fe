/** Builds the app into its own folder and serves it with `vite preview` on a loopback port. */
import { build, preview, type PreviewServer } from 'vite';

export interface Served {
  url: string;
  close: () => Promise<void>;
}

export async function buildApp(outDir: string): Promise<void> {
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

export async function serveApp(outDir: string, port: number): Promise<Served> {
  const server: PreviewServer = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { port, strictPort: true, host: '127.0.0.1', open: false },
  });
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}
