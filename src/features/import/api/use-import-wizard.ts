/**
 * The import wizard's state and its calls into the import worker. Everything heavy (reading,
 * decoding, parsing, validating, writing) happens in the worker; this hook only holds what
 * the screen shows. The worker lives as long as the wizard.
 */
import * as Comlink from 'comlink';
import { startTransition, useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Delimiter } from '../../../domain/import-export/delimiter';
import type { Encoding } from '../../../domain/import-export/encoding';
import type { AnalysisSummary, ImportKind } from '../../../domain/import-export/import-analysis';
import type { ImportBatch } from '../../../domain/import-export/import-batch';
import type { AnalyseRequest } from '../../../domain/import-export/import-request';
import type { ImportProgress } from '../../../workers/import-progress';
import type { Inspection } from '../../../workers/import-session';
import { startImportWorker, type ImportWorkerHandle } from './import-worker';
import { createProgressStore } from './progress-store';

export type Stage = 'idle' | 'opening' | 'ready' | 'checking' | 'checked' | 'committing' | 'done';

export interface WizardProblem {
  code: string;
  values?: Record<string, string | number>;
}

export interface WizardState {
  stage: Stage;
  inspection: Inspection | null;
  /** The steward's column choices; null until they change one (then the suggestion no longer applies). */
  mapping: Partial<Record<string, number>> | null;
  summary: AnalysisSummary | null;
  /** The request the summary was computed for: a different one makes it stale. */
  summaryKey: string | null;
  problem: WizardProblem | null;
  batch: ImportBatch | null;
}

const INITIAL: WizardState = {
  stage: 'idle',
  inspection: null,
  mapping: null,
  summary: null,
  summaryKey: null,
  problem: null,
  batch: null,
};

type Action =
  | { type: 'stage'; stage: Stage }
  | { type: 'problem'; problem: WizardProblem | null; stage: Stage }
  | { type: 'inspected'; inspection: Inspection; keepMapping: boolean }
  | { type: 'mapping'; mapping: Partial<Record<string, number>> }
  | { type: 'checked'; summary: AnalysisSummary; key: string }
  | { type: 'done'; batch: ImportBatch }
  | { type: 'reset' };

function reducer(state: WizardState, action: Action): WizardState {
  switch (action.type) {
    case 'stage':
      return { ...state, stage: action.stage, ...(action.stage === 'opening' ? { problem: null } : {}) };
    case 'problem':
      return { ...state, problem: action.problem, stage: action.stage };
    case 'inspected':
      return {
        ...state,
        stage: 'ready',
        inspection: action.inspection,
        mapping: action.keepMapping ? state.mapping : null,
        summary: null,
        summaryKey: null,
        problem: null,
      };
    case 'mapping':
      return { ...state, mapping: action.mapping };
    case 'checked':
      return { ...state, stage: 'checked', summary: action.summary, summaryKey: action.key, problem: null };
    case 'done':
      return { ...state, stage: 'done', batch: action.batch, problem: null };
    case 'reset':
      return INITIAL;
  }
}

type OpenResult = Awaited<ReturnType<ImportWorkerHandle['api']['open']>>;

export function useImportWizard(kind: ImportKind) {
  const [state, dispatchNow] = useReducer(reducer, INITIAL);
  // Every change is a transition: React renders the cards in slices, so no main-thread task runs long.
  const dispatch = useCallback((action: Action) => startTransition(() => dispatchNow(action)), []);
  const worker = useRef<ImportWorkerHandle | null>(null);
  useEffect(() => {
    const handle = startImportWorker();
    worker.current = handle;
    return () => {
      handle.close();
      worker.current = null;
    };
  }, []);
  const api = () => {
    worker.current ??= startImportWorker();
    return worker.current.api;
  };
  const [progress] = useState(createProgressStore);
  const [onProgress] = useState(() => Comlink.proxy((p: ImportProgress) => progress.set(p)));

  const inspect = useCallback(
    async (encoding?: Encoding, delimiter?: Delimiter, keepMapping = false, sheet?: string) => {
      const r = await api().inspect(kind, encoding, delimiter, sheet);
      if (r.ok) dispatch({ type: 'inspected', inspection: r.value, keepMapping });
      else dispatch({ type: 'problem', problem: { code: r.error }, stage: 'idle' });
    },
    [kind, dispatch],
  );

  const opened = async (r: OpenResult) => {
    if (r.ok) return inspect();
    const p = r.problem;
    const values: Record<string, string | number> =
      p?.code === 'http-error'
        ? { status: p.status, statusText: p.statusText }
        : p?.code === 'file-too-large'
          ? { size: p.size, limit: p.limit }
          : {};
    dispatch({ type: 'problem', problem: { code: r.error, values }, stage: 'idle' });
  };

  return {
    state,
    progress,
    openFile: async (file: File) => {
      dispatch({ type: 'stage', stage: 'opening' });
      await opened(await api().open(file));
    },
    openUrl: async (url: string) => {
      dispatch({ type: 'stage', stage: 'opening' });
      await opened(await api().openUrl(url));
    },
    reread: (encoding: Encoding, delimiter: Delimiter) => inspect(encoding, delimiter, true),
    // Another sheet has other columns: its mapping is suggested afresh.
    chooseSheet: (sheet: string) => inspect(undefined, undefined, false, sheet),
    // A controlled select must update at once, or it shows the old choice until the transition lands.
    setMapping: (mapping: Partial<Record<string, number>>) => dispatchNow({ type: 'mapping', mapping }),
    check: async (request: AnalyseRequest) => {
      progress.set(null);
      dispatch({ type: 'stage', stage: 'checking' });
      const r = await api().analyse(request, onProgress);
      if (r.ok) dispatch({ type: 'checked', summary: r.value, key: JSON.stringify(request) });
      else
        dispatch({ type: 'problem', problem: { code: r.error, values: { message: r.message ?? '' } }, stage: 'ready' });
    },
    commit: async () => {
      progress.set(null);
      dispatch({ type: 'stage', stage: 'committing' });
      const r = await api().commit(onProgress);
      if (r.ok) dispatch({ type: 'done', batch: r.value });
      // The check still holds after a cancel or failure: the steward may commit again.
      else
        dispatch({
          type: 'problem',
          problem: { code: r.error, values: { message: r.message ?? '' } },
          stage: 'checked',
        });
    },
    cancel: () => void api().cancel(),
    reset: () => dispatch({ type: 'reset' }),
    suggestRegion: (phoneColumn: number, candidates: readonly string[], current: string) =>
      api().suggestRegion(phoneColumn, [...candidates], current),
    report: (labels: Parameters<ImportWorkerHandle['api']['rejectedReport']>[0]) => api().rejectedReport(labels),
  };
}

export type ImportWizard = ReturnType<typeof useImportWizard>;
