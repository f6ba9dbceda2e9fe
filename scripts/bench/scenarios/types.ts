/** What a benchmark scenario is: rows it reports, the screen it needs, one measurement per run. */
import type { BrowserContext, Page } from '@playwright/test';
import type { DatasetSpec } from '../dataset';
import type { Sample } from '../report';

export interface RunContext {
  spec: DatasetSpec;
  context: BrowserContext;
  page: Page;
  /** 0 is the warm-up run (its samples are dropped). */
  run: number;
  /** Generous upper bound for one wait, scaled to the dataset size. */
  timeoutMs: number;
  /** Where the app is served (the context's base URL). */
  baseURL: string;
}

export interface RowSpec {
  name: string;
  /** The DESIGN.md §6 goal, printed beside the figure. */
  goal?: string;
  /** Report rows/s for this many rows per sample. */
  rows?: (size: number) => number;
  /** Report the ratio to the raw IndexedDB put of the same run. */
  vsRaw?: boolean;
  note?: string;
}

/**
 * A scenario measured once per run in a fresh browser on the stored dataset. `route` names
 * the screen it drives: while that route is still a placeholder the rows say "not-built".
 * Adding a feature's scenario is one object like this in scenarios/index.ts.
 */
export interface Scenario {
  id: string;
  route?: string;
  rows: RowSpec[];
  /** Minutes per run at a million leads: measured in one run only at large sizes (unless --full). */
  heavy?: boolean;
  /**
   * Runs in a fresh browser of its own after the runs (navigating itself), so that no worker
   * of the other scenarios (an index rebuilt after the bulk edit) competes with it.
   */
  ownSession?: boolean;
  /** One sample, or several independent ones, per row name. */
  measure?: (ctx: RunContext) => Promise<Record<string, Sample | Sample[]>>;
}
