import { gridWorker } from '../../../shared/engine/grid-worker';

/**
 * The Cohorts route entered: the engine reads its cohort snapshot off the columns now, while the
 * screen's code loads and first renders, instead of after (cohort-answers.ts). Not on a hover's
 * preload: a link pointed at is not a screen asked for, and the snapshot takes memory to keep.
 */
export function prepareCohorts(): void {
  try {
    gridWorker()
      .prepareCohorts()
      .catch(() => undefined);
  } catch {
    // No engine (a test without one): the first question reads it.
  }
}
