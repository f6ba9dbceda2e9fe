import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { applyRemembered, CALL_FIELDS, LEAD_FIELDS } from '../../../domain/import-export/column-mapping';
import type { ImportKind } from '../../../domain/import-export/import-analysis';
import { useImportContext, useRememberedMapping } from '../api/use-import-context';
import { useImportWizard } from '../api/use-import-wizard';
import { useRegionSuggestion } from '../api/use-region-suggestion';
import { CANDIDATE_REGIONS } from '../../../domain/import-export/region-suggestion';
import type { ImportSearch } from '../import-search';
import { buildRequest } from '../model/build-request';
import { commitLabel } from '../model/commit-label';
import { DefaultsCard } from './defaults-card';
import { DoneCard } from './done-card';
import { FileCard } from './file-card';
import { fileProblemOf } from '../model/file-problem';
import { FilePicker } from './file-picker';
import { MappingCard } from './mapping-card';
import { ProblemAlert } from './problem-alert';
import { ProgressPanel } from './progress-panel';
import { RegionNote } from './region-note';
import { RejectionsCard } from './rejections-card';
import { SummaryCard } from './summary-card';
import { TimeCard } from './time-card';
import { UrlForm } from './url-form';
import { useDownloadReport } from '../api/use-download-report';

const route = getRouteApi('/import');

/** The wizard for one kind of import: file → reading → mapping → declarations → check → commit. */
export function ImportWizard({ kind }: { kind: ImportKind }) {
  const { t, i18n } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const wiz = useImportWizard(kind);
  const context = useImportContext();
  const remembered = useRememberedMapping(kind, kind === 'calls' ? null : (search.source ?? null));
  const download = useDownloadReport(wiz);
  const { stage, inspection, summary, problem } = wiz.state;
  const busy = stage === 'opening' || stage === 'checking' || stage === 'committing';
  const set = (patch: Partial<ImportSearch>) => void navigate({ search: (s) => ({ ...s, ...patch }), replace: true });
  const nf = new Intl.NumberFormat(i18n.language);

  const fields = kind === 'calls' ? CALL_FIELDS : LEAD_FIELDS;
  const fromMemory =
    inspection && remembered ? applyRemembered(inspection.headers, remembered, fields, inspection.suggested) : null;
  const useMemory = !wiz.state.mapping && fromMemory?.phone !== undefined;
  const mapping = wiz.state.mapping ?? (useMemory ? fromMemory! : (inspection?.suggested ?? {}));
  // The country for numbers without one: the steward's choice, else the file's clear suggestion, else the settings'.
  const fallbackRegion = context?.settings.defaultRegion ?? 'US';
  const regionHint = useRegionSuggestion(
    wiz,
    inspection,
    kind === 'api' ? undefined : mapping.phone,
    [...CANDIDATE_REGIONS, fallbackRegion],
    search.region ?? fallbackRegion,
  );
  const preselected = search.region === undefined && regionHint?.clear ? regionHint.best : null;
  const region = search.region ?? preselected ?? fallbackRegion;
  const request =
    inspection && context ? buildRequest(kind, inspection, mapping, search, context.settings, preselected) : null;

  if (stage === 'done' && wiz.state.batch) return <DoneCard batch={wiz.state.batch} onAnother={wiz.reset} />;
  const fresh = summary !== null && request !== null && wiz.state.summaryKey === JSON.stringify(request);
  const committable =
    fresh &&
    stage === 'checked' &&
    !summary.fileProblem &&
    summary.asks.length === 0 &&
    summary.counts.toCreate + summary.counts.matchedExisting > 0;
  const csv = kind !== 'api';

  return (
    <div className="space-y-6">
      {!inspection ? (
        <div>
          <FilePicker api={kind === 'api'} busy={busy} onFile={(f) => void wiz.openFile(f)} />
          {kind === 'api' && <UrlForm busy={busy} onUrl={(u) => void wiz.openUrl(u)} />}
          {stage === 'opening' && (
            <p role="status" className="mt-3 animate-pulse text-sm text-slate-500">
              {t('import.file.reading')}
            </p>
          )}
        </div>
      ) : (
        <FileCard
          inspection={inspection}
          busy={busy}
          onReread={(e, d) => void wiz.reread(e, d)}
          onSheet={(s) => void wiz.chooseSheet(s)}
          onAnother={wiz.reset}
        />
      )}
      {problem && <ProblemAlert problem={problem} />}
      {inspection?.fileProblem && <ProblemAlert problem={fileProblemOf(inspection.fileProblem, kind)} />}
      {inspection && !inspection.fileProblem && context && (
        <>
          {csv && (
            <MappingCard
              fields={fields}
              headers={inspection.headers}
              duplicates={inspection.duplicateHeaders}
              mapping={mapping}
              remembered={useMemory}
              busy={busy}
              onChange={wiz.setMapping}
            />
          )}
          {csv && (
            <TimeCard
              kind={kind === 'calls' ? 'calls' : 'leads'}
              value={{ format: search.format ?? null, timeZone: search.tz ?? null, day: search.day ?? null }}
              needsDay={kind === 'leads' && mapping.acquiredAt === undefined}
              busy={busy}
              onChange={(v) =>
                set({
                  ...('format' in v ? { format: v.format ?? undefined } : {}),
                  ...('timeZone' in v ? { tz: v.timeZone ?? undefined } : {}),
                  ...('day' in v ? { day: v.day ?? undefined } : {}),
                })
              }
            />
          )}
          <DefaultsCard
            kind={kind}
            value={{
              source: search.source ?? null,
              campaign: search.campaign ?? null,
              region,
              rule: search.rule ?? 'keep-existing',
            }}
            sources={context.sources}
            campaigns={context.campaigns}
            busy={busy}
            regionNote={
              <RegionNote
                suggestion={regionHint}
                region={region}
                fallback={fallbackRegion}
                preselected={preselected !== null}
                busy={busy}
                onAccept={(r) => set({ region: r })}
              />
            }
            onChange={(v) =>
              set({
                ...('source' in v ? { source: v.source ?? undefined } : {}),
                ...('campaign' in v ? { campaign: v.campaign ?? undefined } : {}),
                ...(v.region ? { region: v.region } : {}),
                ...(v.rule ? { rule: v.rule } : {}),
              })
            }
          />
          <div className="flex flex-wrap items-center gap-3">
            <Button
              variant={committable ? 'secondary' : 'primary'}
              disabled={busy || !request}
              onClick={() => request && void wiz.check(request)}
            >
              {stage === 'checking' ? t('import.checking') : t('import.check')}
            </Button>
            {summary && !fresh && !busy && <span className="text-sm text-amber-700">{t('import.stale')}</span>}
          </div>
        </>
      )}
      {stage === 'checking' && <ProgressPanel store={wiz.progress} writing={false} onCancel={wiz.cancel} />}
      {fresh && summary.fileProblem && summary.fileProblem.code !== 'no-rows' && (
        <ProblemAlert problem={fileProblemOf(summary.fileProblem, kind)} />
      )}
      {fresh && (!summary.fileProblem || summary.fileProblem.code === 'no-rows') && (
        <>
          <SummaryCard summary={summary} />
          {(summary.counts.rejected > 0 || summary.warnings.length > 0) && (
            <RejectionsCard
              rejections={summary.rejections}
              total={summary.problemCount}
              warnings={summary.warnings}
              onDownload={() => void download(inspection?.fileName ?? 'import')}
            />
          )}
          {stage === 'committing' && (
            <div className="sticky bottom-4">
              <ProgressPanel store={wiz.progress} writing onCancel={wiz.cancel} />
            </div>
          )}
          {committable && stage === 'checked' && (
            <div className="sticky bottom-4 flex justify-end">
              <Button variant="primary" className="px-5 py-2 text-base shadow-lg" onClick={() => void wiz.commit()}>
                {kind === 'calls'
                  ? t('import.commitCalls', { count: summary.counts.valid, formatted: nf.format(summary.counts.valid) })
                  : commitLabel(t, nf, summary.counts)}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
