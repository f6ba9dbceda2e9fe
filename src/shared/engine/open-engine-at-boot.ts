/**
 * Imported first by main.tsx, for its effect: the grid engine's worker is started and opens its
 * index (the stored snapshot, or a build) while the page itself is still evaluating its bundle and
 * rendering the shell. Every screen asks the engine (counts, grid, Overview, queues), so there is
 * nothing to save by waiting for the first of them; waiting for it cost a cold start about a
 * second at 100k (the worker was created only when the routed screen first rendered).
 */
import { gridWorker } from './grid-worker';

void gridWorker()
  .stats()
  .catch(() => undefined);
