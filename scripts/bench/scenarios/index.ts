/**
 * Every scenario a run measures, in order: the heap right after the cold start, then the
 * Overview and the Compliance queues; the scrub,
 * which rewrites every lead, last, and the bulk edit, which writes 10k, just before it. The
 * CSV import runs while the dataset is loaded (load.ts), as it needs an empty database; the
 * import of 10k new leads into the stored dataset and a new DNC list version run in browsers of
 * their own after the runs, and so do an erasure ("Forget this person") and a first visit (the
 * demo seeded into an empty origin).
 */
import { bulkEdit } from './bulk-edit';
import { callListExport, cohorts, dncScrub } from './features';
import { coldStart, gridFilter, gridSearch, keyboardEnd, memory, scroll, sortNumeric, sortText } from './grid';
import { importCatchUp } from './import-catch-up';
import { dncVersion } from './dnc-version';
import { firstVisit } from './first-visit';
import { forgetPerson } from './forget-person';
import { overview } from './overview';
import { selection } from './selection';
import type { Scenario } from './types';

export const RUN_SCENARIOS: Scenario[] = [
  coldStart,
  memory,
  overview,
  gridFilter,
  gridSearch,
  sortNumeric,
  sortText,
  scroll,
  keyboardEnd,
  selection,
  cohorts,
  callListExport,
  bulkEdit,
  dncScrub,
  importCatchUp,
  dncVersion,
  forgetPerson,
  firstVisit,
];
