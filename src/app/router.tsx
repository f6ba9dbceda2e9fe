/**
 * Routes in code. Every screen's state lives in typed, zod-validated search params, so a
 * view can be shared, bookmarked and tested by URL. Screens are lazy-loaded.
 */
import { createRootRoute, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { Layout } from './layout';
import { NotFound } from './not-found';
import { cohortsSearchSchema } from '../features/cohorts/cohorts-search';
import { prepareCohorts } from '../features/cohorts/api/prepare-cohorts';
import {
  dncSearchSchema,
  proofSearchSchema,
  renewalsSearchSchema,
  retentionSearchSchema,
} from '../features/compliance/compliance-search';
import { readLeadsSearch } from '../features/leads/leads-search';
import { readExportSearch } from '../features/export/export-search';
import { importHistorySearchSchema, importSearchSchema } from '../features/import/import-search';
import { parseSearch, stringifySearch } from './search-params';

const rootRoute = createRootRoute({ component: Layout, notFoundComponent: NotFound });

const overviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../features/overview/components/overview-page'), 'OverviewPage'),
});

const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/import',
  validateSearch: importSearchSchema,
  component: lazyRouteComponent(() => import('../features/import/components/import-page'), 'ImportPage'),
});

const importHistoryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/import/history',
  validateSearch: importHistorySearchSchema,
  component: lazyRouteComponent(() => import('../features/import/components/history-page'), 'ImportHistoryPage'),
});

const leadsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/leads',
  validateSearch: readLeadsSearch,
  component: lazyRouteComponent(() => import('./leads-route'), 'LeadsRoute'),
});

const complianceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/compliance',
  component: lazyRouteComponent(() => import('../features/compliance/components/compliance-page'), 'CompliancePage'),
});

const complianceDncRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/compliance/dnc',
  validateSearch: dncSearchSchema,
  component: lazyRouteComponent(() => import('../features/compliance/components/dnc-page'), 'DncPage'),
});

const complianceRetentionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/compliance/retention',
  validateSearch: retentionSearchSchema,
  component: lazyRouteComponent(() => import('../features/compliance/components/retention-page'), 'RetentionPage'),
});

const complianceProofRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/compliance/proof',
  validateSearch: proofSearchSchema,
  component: lazyRouteComponent(() => import('../features/compliance/components/proof-page'), 'ProofPage'),
});

const complianceRenewalsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/compliance/renewals',
  validateSearch: renewalsSearchSchema,
  component: lazyRouteComponent(() => import('../features/compliance/components/renewals-page'), 'RenewalsPage'),
});

const exportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/export',
  validateSearch: readExportSearch,
  component: lazyRouteComponent(() => import('../features/export/components/export-page'), 'ExportPage'),
});

export const auditSearchSchema = z.object({
  action: z.string().optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
  /** The entry open in the detail view, and the page of its records. */
  entry: z.coerce.number().int().min(1).optional().catch(undefined),
  rpage: z.coerce.number().int().min(1).optional().catch(undefined),
});

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/audit',
  validateSearch: auditSearchSchema,
  component: lazyRouteComponent(() => import('../features/audit/components/audit-page'), 'AuditPage'),
});

const cohortsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cohorts',
  validateSearch: cohortsSearchSchema,
  // Not awaited: the screen renders at once; the engine reads its snapshot meanwhile. A hover's
  // preload does not ask for it, and is never taken as fresh, so the click that follows runs the
  // loader again, for real (with the router's default, a hover within 30 s of the click made it skip).
  loader: ({ preload }) => {
    if (!preload) prepareCohorts();
  },
  preloadStaleTime: 0,
  component: lazyRouteComponent(() => import('../features/cohorts/components/cohorts-page'), 'CohortsPage'),
});

const settingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/settings',
  component: lazyRouteComponent(() => import('./settings-page'), 'SettingsPage'),
});

const routeTree = rootRoute.addChildren([
  overviewRoute,
  leadsRoute,
  cohortsRoute,
  complianceRoute,
  complianceDncRoute,
  complianceRetentionRoute,
  complianceProofRoute,
  complianceRenewalsRoute,
  importRoute,
  importHistoryRoute,
  exportRoute,
  auditRoute,
  settingsRoute,
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent', parseSearch, stringifySearch });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
