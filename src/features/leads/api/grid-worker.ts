/** Moved: the grid worker's accessor is src/shared/engine/grid-worker.ts. */
export { gridWorker } from '../../../shared/engine/grid-worker';
