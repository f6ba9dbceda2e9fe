import { useTranslation } from 'react-i18next';
import type { DncFileSummary } from '../../../db/repos/dnc-import-repo';
import { useFormatters } from '../model/use-formatters';

type Preview = { ok: true; summary: DncFileSummary } | { ok: false; problem: string; columns: string[] };

/** What a chosen file holds, before anything is written. */
export function DncFilePreview({ result }: { result: Preview }) {
  const { t } = useTranslation();
  const f = useFormatters();
  if (!result.ok) {
    return (
      <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800">
        {t(`compliance.dnc.errors.${result.problem}`, { columns: result.columns.join(', ') })}
      </p>
    );
  }
  const s = result.summary;
  return (
    <div className="rounded-lg bg-slate-50 p-3 text-sm ring-1 ring-slate-200" data-testid="dnc-file-preview">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1">
        <dt className="text-slate-500">{t('compliance.dnc.rowsRead')}</dt>
        <dd className="tabular-nums" data-testid="preview-rows">
          {f.number(s.rowCount)}
        </dd>
        <dt className="text-slate-500">{t('compliance.dnc.validNumbers')}</dt>
        <dd className="tabular-nums" data-testid="preview-numbers">
          {f.number(s.numbers)}
        </dd>
        <dt className="text-slate-500">{t('compliance.dnc.duplicates')}</dt>
        <dd className="tabular-nums">{f.number(s.duplicates)}</dd>
        <dt className="text-slate-500">{t('compliance.dnc.invalidLines')}</dt>
        <dd className={`tabular-nums ${s.invalidCount ? 'text-amber-700' : ''}`} data-testid="preview-invalid">
          {f.number(s.invalidCount)}
        </dd>
        {s.column && (
          <>
            <dt className="text-slate-500">{t('compliance.dnc.column')}</dt>
            <dd>{s.column}</dd>
          </>
        )}
        <dt className="text-slate-500">{t('compliance.dnc.encoding')}</dt>
        <dd>{s.encoding}</dd>
      </dl>
      <p className="mt-2 text-xs text-slate-500">{t('compliance.dnc.sha256')}</p>
      <p className="break-all font-mono text-xs text-slate-700" data-testid="preview-sha">
        {s.sha256}
      </p>
      {s.invalid.length > 0 && (
        <details className="mt-2">
          <summary className="cursor-pointer text-xs font-medium text-amber-800">
            {t('compliance.dnc.showInvalid', { count: s.invalidCount })}
          </summary>
          <ul className="mt-1 max-h-40 overflow-y-auto text-xs">
            {s.invalid.slice(0, 50).map((l) => (
              <li key={l.line} className="flex gap-2 py-0.5">
                <span className="w-16 shrink-0 tabular-nums text-slate-500">
                  {t('compliance.dnc.line', { line: l.line })}
                </span>
                <span className="truncate font-mono">{l.text}</span>
                <span className="ml-auto shrink-0 text-amber-800">
                  {t(`compliance.dnc.problem.${l.problem}`, { defaultValue: l.problem })}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
