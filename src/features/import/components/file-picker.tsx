import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_FILE_BYTES } from '../../../domain/import-export/cell-checks';
import { formatBytes } from '../../../shared/format-bytes';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Drop zone and file chooser. Only the chosen File goes to the worker; nothing is read here. */
export function FilePicker({ api, busy, onFile }: { api: boolean; busy: boolean; onFile: (file: File) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !busy) onFile(file);
  };
  return (
    <div
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="drop-zone"
      className={`flex flex-col items-center justify-center rounded-xl border-2 border-dashed px-6 py-10 text-center transition ${over ? 'border-indigo-500 bg-indigo-50' : 'border-slate-300 bg-white'}`}
    >
      <div
        aria-hidden="true"
        className="mb-3 flex h-12 w-12 items-center justify-center rounded-full bg-indigo-50 text-2xl text-indigo-600"
      >
        ⇪
      </div>
      <p className="text-sm font-medium text-slate-800">{t('import.file.drop')}</p>
      <p className="my-2 text-xs uppercase tracking-wide text-slate-500">{t('import.file.or')}</p>
      <input
        id={id}
        type="file"
        className="peer sr-only"
        accept={
          api ? '.json,.ndjson,.jsonl,.txt,application/json' : `.csv,.tsv,.txt,.xlsx,text/csv,text/plain,${XLSX_MIME}`
        }
        disabled={busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
      <label
        htmlFor={id}
        className="inline-flex cursor-pointer items-center rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-indigo-700 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-indigo-600 peer-disabled:cursor-not-allowed peer-disabled:bg-indigo-300"
      >
        {t('import.file.choose')}
      </label>
      <p className="mt-3 text-xs text-slate-500">
        {t(api ? 'import.file.acceptsApi' : 'import.file.accepts', {
          limit: formatBytes(MAX_FILE_BYTES, i18n.language),
        })}
      </p>
    </div>
  );
}
