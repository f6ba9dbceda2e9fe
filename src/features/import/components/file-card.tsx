import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { DELIMITERS, type Delimiter } from '../../../domain/import-export/delimiter';
import { ENCODINGS, type Encoding } from '../../../domain/import-export/encoding';
import type { Inspection } from '../../../workers/import-session';
import { formatBytes } from '../../../shared/format-bytes';
import { DELIMITER_KEYS } from '../model/format';
import { PreviewTable } from './preview-table';
import { SheetSelect } from './sheet-select';
import { Select } from '../../../components/ui/select';

/** What the file is (name, size, fingerprint), how it is read (changeable: encoding and delimiter, or a workbook's sheet), and its first rows. */
export function FileCard({
  inspection,
  busy,
  onReread,
  onSheet,
  onAnother,
}: {
  inspection: Inspection;
  busy: boolean;
  onReread: (e: Encoding, d: Delimiter) => void;
  onSheet: (sheet: string) => void;
  onAnother: () => void;
}) {
  const { t, i18n } = useTranslation();
  const csv = !inspection.payload && inspection.headers.length > 0;
  const text = inspection.fileType === 'text';
  return (
    <Card
      title={t('import.file.title')}
      actions={
        <Button variant="ghost" onClick={onAnother} disabled={busy}>
          {t('import.file.another')}
        </Button>
      }
    >
      <dl className="mb-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-500">{t('import.file.name')}</dt>
        <dd className="font-medium break-all text-slate-900" data-testid="file-name">
          {inspection.fileName}
        </dd>
        <dt className="text-slate-500">{t('import.file.size')}</dt>
        <dd className="tabular-nums">{formatBytes(inspection.size, i18n.language)}</dd>
        <dt className="text-slate-500">{t('import.file.sha')}</dt>
        <dd className="font-mono text-xs break-all text-slate-600">{inspection.sha256}</dd>
        {inspection.workbook && (
          <>
            <dt className="text-slate-500">{t('import.file.type')}</dt>
            <dd>{t('import.file.workbook')}</dd>
          </>
        )}
      </dl>
      {inspection.workbook && <SheetSelect workbook={inspection.workbook} busy={busy} onSheet={onSheet} />}
      {text && (
        <div className="mb-4 grid gap-4 sm:grid-cols-2">
          <label className="block text-sm font-medium text-slate-700">
            {t('import.file.encoding')}
            <Select
              aria-label={t('import.file.encoding')}
              className="mt-1"
              value={inspection.encoding}
              disabled={busy}
              onChange={(e) => onReread(e.target.value as Encoding, inspection.delimiter)}
            >
              {ENCODINGS.map((enc) => (
                <option key={enc} value={enc}>
                  {t(`import.encodings.${enc}`)}
                  {enc === inspection.detectedEncoding
                    ? ` (${t('import.file.detected')}${inspection.bom ? `, ${t('import.file.bom')}` : ''})`
                    : ''}
                </option>
              ))}
            </Select>
          </label>
          {!inspection.payload && (
            <label className="block text-sm font-medium text-slate-700">
              {t('import.file.delimiter')}
              <Select
                aria-label={t('import.file.delimiter')}
                className="mt-1"
                value={inspection.delimiter}
                disabled={busy || inspection.undecodable}
                onChange={(e) => onReread(inspection.encoding, e.target.value as Delimiter)}
              >
                {DELIMITERS.map((d) => (
                  <option key={d} value={d}>
                    {t(`import.delimiters.${DELIMITER_KEYS[d]}`)}
                    {d === inspection.detectedDelimiter && inspection.delimiterConfident
                      ? ` (${t('import.file.detected')})`
                      : ''}
                  </option>
                ))}
              </Select>
            </label>
          )}
        </div>
      )}
      {csv && text && !inspection.delimiterConfident && (
        <p className="mb-3 text-xs text-amber-700">{t('import.file.notConfident')}</p>
      )}
      {inspection.payload && (
        <p className="mb-3 text-sm text-slate-600">
          {t('import.file.records', {
            count: inspection.payload.records,
            format: inspection.payload.format === 'ndjson' ? 'NDJSON' : 'JSON',
          })}
        </p>
      )}
      {(csv || inspection.payload) && (
        <>
          <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
            {t(inspection.workbook ? 'import.file.sheetPreview' : 'import.file.preview')}
          </h3>
          <PreviewTable headers={inspection.payload ? [''] : inspection.headers} rows={inspection.preview} />
        </>
      )}
    </Card>
  );
}
