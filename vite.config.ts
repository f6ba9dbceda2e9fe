import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';
import { statSync } from 'node:fs';
import path from 'node:path';

/**
 * A strict Content-Security-Policy for the built app (the dev server needs inline scripts for hot
 * reload, so it has none). `vite preview` sends it as HTTP headers, which also govern the Web
 * Workers (a dedicated worker takes its policy from its own script's response, not from the
 * page's meta tag) and can say `frame-ancestors`; the same policy, minus what a meta tag cannot
 * carry, is written into index.html for hosts that cannot set headers.
 *
 * connect-src: the app itself, plus the origins a deployment lets the import screen pull API
 * payloads from (LEADLEDGER_API_ORIGINS, space-separated, e.g. "https://api.partner.com"), read
 * when the app is built (meta tag) and when it is served (headers). Nothing else: an address
 * outside the list is refused by the browser and the import screen says so.
 * style-src keeps 'unsafe-inline': radix-ui's dialogs inject a <style> element (scroll lock);
 * scripts never run inline.
 */
const apiOrigins = (process.env.LEADLEDGER_API_ORIGINS ?? '')
  .split(/\s+/)
  .filter((o) => /^https?:\/\/[^\s;,'"]+$/.test(o));

function cspDirectives(): string[] {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "worker-src 'self'",
    `connect-src ${["'self'", ...apiOrigins].join(' ')}`,
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "manifest-src 'self'",
  ];
}

/** Headers for the served app: the policy with frame-ancestors, no MIME sniffing, no referrer to partners. */
const SECURITY_HEADERS = {
  'Content-Security-Policy': [...cspDirectives(), "frame-ancestors 'none'"].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function contentSecurityPolicy(): Plugin {
  return {
    name: 'leadledger-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${cspDirectives().join('; ')}" />`,
      ),
  };
}

/**
 * `vite preview` (what `npm start` serves) sends every file `no-cache`, so a browser asks the
 * server again for each of the ~25 scripts of the first screen before it runs any: a round trip
 * each, and no V8 code cache for a response it may not keep. The files under /assets/ are named
 * by their content's hash (a new build is new names), so they are cached for a year and never
 * asked for again; index.html, the service worker and the manifest stay `no-cache`. sirv keeps a
 * header already set on the response, so setting it before sirv runs is enough.
 */
function cacheHashedAssets(): Plugin {
  return {
    name: 'leadledger-cache-hashed-assets',
    configurePreviewServer: (server) => {
      const dist = path.resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use((req, res, next) => {
        const pathname = (req.url ?? '').split('?')[0]!;
        // Only a file the build holds: a name it does not (an older build's chunk, asked for while
        // a new one is built) must not be answered 404 for a year.
        if (pathname.startsWith('/assets/') && isFileIn(dist, pathname))
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        next();
      });
    },
  };
}

/** Whether `pathname` (a URL's path) names a file inside `dir`. */
function isFileIn(dir: string, pathname: string): boolean {
  let file: string;
  try {
    file = path.resolve(dir, `.${decodeURIComponent(pathname)}`);
  } catch {
    return false;
  }
  if (!file.startsWith(`${dir}${path.sep}`)) return false;
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    contentSecurityPolicy(),
    cacheHashedAssets(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      manifest: {
        name: 'LeadLedger',
        short_name: 'LeadLedger',
        description: 'Lead data by acquisition time: compliance and cohorts, offline.',
        theme_color: '#0f172a',
        background_color: '#f8fafc',
        display: 'standalone',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,json,woff2}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  worker: { format: 'es' },
  // Names this build: the grid's stored snapshot holds verdicts judged by this build's rules, so a
  // new build (new presets, a fixed rule) judges every lead again instead of trusting them.
  define: { 'import.meta.env.LEADLEDGER_BUILD': JSON.stringify(new Date().toISOString()) },
  build: { target: 'es2022', chunkSizeWarningLimit: 700 },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true, headers: SECURITY_HEADERS },
});
