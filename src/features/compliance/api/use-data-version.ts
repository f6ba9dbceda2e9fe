/** Moved: the one change signal is src/shared/engine/data-signal.ts. */
export { useDataVersion, useMinute } from '../../../shared/engine/data-signal';
