/** Which screens exist: a route still served by `placeholder(...)` in src/app/router.tsx is not built. */
import { readFileSync } from 'node:fs';

export type RouteState = 'built' | 'placeholder' | 'missing';

export function routeStates(routerSource: string, paths: readonly string[]): Record<string, RouteState> {
  const escape = (p: string) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return Object.fromEntries(
    paths.map((p) => {
      if (new RegExp(`placeholder\\(\\s*['"]${escape(p)}['"]`).test(routerSource)) return [p, 'placeholder'];
      return [p, new RegExp(`path:\\s*['"]${escape(p)}['"]`).test(routerSource) ? 'built' : 'missing'];
    }),
  );
}

export function readRouterSource(): string {
  return readFileSync(new URL('../../src/app/router.tsx', import.meta.url), 'utf8');
}
