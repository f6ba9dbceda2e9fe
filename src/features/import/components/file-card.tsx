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
import { SelectField } from '../../../components/ui/labelled';

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
          <SelectField
            label={t('import.file.encoding')}
            value={inspection.encoding}
            choices={ENCODINGS.map((enc) => ({
              value: enc,
              label:
                t(`import.encodings.${enc}`) +
                (enc === inspection.detectedEncoding
                  ? ` (${t('import.file.detected')}${inspection.bom ? `, ${t('import.file.bom')}` : ''})`
                  : ''),
            }))}
            disabled={busy}
            onChange={(v) => onReread(v as Encoding, inspection.delimiter)}
          />
          {!inspection.payload && (
            <SelectField
              label={t('import.file.delimiter')}
              value={inspection.delimiter}
              choices={DELIMITERS.map((d) => ({
                value: d,
                label:
                  t(`import.delimiters.${DELIMITER_KEYS[d]}`) +
                  (d === inspection.detectedDelimiter && inspection.delimiterConfident
                    ? ` (${t('import.file.detected')})`
                    : ''),
              }))}
              disabled={busy || inspection.undecodable}
              onChange={(v) => onReread(inspection.encoding, v as Delimiter)}
            />
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
