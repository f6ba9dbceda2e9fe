/**
 * Progress, pacing and cancelling for the import worker. Long loops give the event loop a
 * turn every ~50 ms so a cancel message can arrive; progress goes to the screen at most
 * ten times a second, with rows per second and the time left.
 */
import type { CommitHooks, CommitStep } from '../db/repos/import-commit';

/** `updating`: a call log's leads get their call facts (attempts, last contact…) after the calls are written. */
export type ImportPhase = 'reading' | 'checking' | 'matching' | 'writing' | 'updating';

/** What `rows` counts: file rows while checking; leads or calls (never both summed) while committing. */
export type ProgressUnit = 'rows' | 'leads' | 'calls';

export interface ImportProgress {
  phase: ImportPhase;
  /** Work done and total in the phase's unit (characters while reading a file, rows after). */
  done: number;
  total: number;
  rows: number;
  /** The unit of `rows` and `rowsPerSec` (rows when absent). */
  unit?: ProgressUnit;
  rowsPerSec: number;
  secondsLeft: number | null;
}

export type ProgressListener = (p: ImportProgress) => void;

export class CancelToken {
  cancelled = false;
}

/** Let queued messages (a cancel) run. */
export function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class ProgressMeter {
  private readonly started = performance.now();
  private lastSent = 0;
  private lastYield = performance.now();

  constructor(
    private readonly phase: ImportPhase,
    private readonly listener: ProgressListener | undefined,
    private readonly unit: ProgressUnit = 'rows',
  ) {}

  /** Report (throttled); `force` sends at once (phase start and end). */
  report(done: number, total: number, rows: number, force = false): void {
    const now = performance.now();
    if (!this.listener || (!force && now - this.lastSent < 100)) return;
    this.lastSent = now;
    const seconds = (now - this.started) / 1000;
    const rowsPerSec = seconds > 0 ? Math.round(rows / seconds) : 0;
    const rate = seconds > 0 ? done / seconds : 0;
    const secondsLeft = rate > 0 && total > done ? Math.ceil((total - done) / rate) : total > done ? null : 0;
    // Not awaited: a comlink callback is a postMessage, and awaiting it inside a Dexie
    // transaction would let the transaction commit early.
    void this.listener({ phase: this.phase, done, total, rows, unit: this.unit, rowsPerSec, secondsLeft });
  }

  /** Give the event loop a turn when this loop has run ~50 ms. */
  async pace(): Promise<void> {
    if (performance.now() - this.lastYield < 50) return;
    await yieldToEvents();
    this.lastYield = performance.now();
  }
}

const STEP_METER: Record<CommitStep, { phase: ImportPhase; unit: ProgressUnit }> = {
  matching: { phase: 'matching', unit: 'rows' },
  leads: { phase: 'writing', unit: 'leads' },
  calls: { phase: 'writing', unit: 'calls' },
  'lead-facts': { phase: 'updating', unit: 'leads' },
};

/**
 * The commit's hooks: cancel, and progress in the step's own unit ("writing calls 40,000 of
 * 124,956", then "updating leads 3,000 of 45,000"), each step with its own rate and time left.
 */
export function commitHooks(cancel: CancelToken, listener: ProgressListener | undefined): CommitHooks {
  let step: CommitStep | null = null;
  let meter: ProgressMeter | null = null;
  return {
    isCancelled: () => cancel.cancelled,
    onProgress: (done, total, next = 'leads') => {
      if (next !== step || !meter) {
        step = next;
        meter = new ProgressMeter(STEP_METER[next].phase, listener, STEP_METER[next].unit);
        meter.report(done, total, done, true);
        return;
      }
      meter.report(done, total, done, done === total);
    },
  };
}
