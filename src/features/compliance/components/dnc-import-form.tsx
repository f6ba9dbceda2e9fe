import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Field, inputClass } from '../../../components/ui/field';
import type { DncListRow } from '../../../db/repos/dnc-repo';
import { cohortKey, parseLocal } from '../../../domain/time/calendar';
import { useImportDncVersion, usePreviewDncFile } from '../api/use-dnc';
import { DncFilePreview } from './dnc-file-preview';
import { isQuotaError } from '../../../db/storage-errors';
import { StorageFullAlert } from '../../../shared/storage/storage-full-alert';
import { useFormatters } from '../model/use-formatters';
import { Select } from '../../../components/ui/select';

/** Import a file as a list's next version: preview (rows, invalid lines, SHA-256), publication date, import. */
export function DncImportForm({
  lists,
  defaultList,
  timeZone,
  defaultRegion,
}: {
  lists: DncListRow[];
  defaultList: string | undefined;
  timeZone: string;
  defaultRegion: string;
}) {
  const { t } = useTranslation();
  const f = useFormatters();
  const fileLists = lists.filter((l) => l.active);
  const [listId, setListId] = useState(
    defaultList && fileLists.some((l) => l.id === defaultList)
      ? defaultList
      : (fileLists.find((l) => l.kind === 'national')?.id ?? fileLists[0]?.id ?? ''),
  );
  const [file, setFile] = useState<File | null>(null);
  // Bumped after an import so the file input starts empty again.
  const [inputKey, setInputKey] = useState(0);
  const [today] = useState(() => cohortKey(Date.now(), 'day', timeZone));
  const [published, setPublished] = useState(today);
  const preview = usePreviewDncFile();
  const importer = useImportDncVersion();
  const region = lists.find((l) => l.id === listId)?.region ?? defaultRegion;
  const publishedAt = parseLocal(published, 'yyyy-MM-dd', timeZone);

  const choose = (f: File | null) => {
    setFile(f);
    importer.reset();
    if (f) preview.mutate({ file: f, defaultRegion: region });
    else preview.reset();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!file || publishedAt === null) return;
    importer.mutate(
      { file, listId, publishedAt, defaultRegion: region },
      {
        onSuccess: () => {
          setFile(null);
          preview.reset();
          setInputKey((k) => k + 1);
        },
      },
    );
  };
  const ready = file !== null && preview.data?.ok === true && publishedAt !== null && !importer.isPending;
  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label={t('compliance.dnc.importTitle')}>
      <Field label={t('compliance.dnc.list')}>
        {(p) => (
          <Select {...p} value={listId} onChange={(e) => setListId(e.target.value)}>
            {fileLists.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t('compliance.dnc.fileLabel')} help={t('compliance.dnc.fileHelp')}>
        {(p) => (
          <input
            {...p}
            key={inputKey}
            type="file"
            accept=".txt,.csv,.tsv,text/plain,text/csv"
            className="block w-full text-sm text-slate-600 file:mr-3 file:rounded-md file:border-0 file:bg-indigo-50 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-indigo-700 hover:file:bg-indigo-100"
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      {preview.isPending && (
        <p role="status" className="text-sm text-slate-500">
          {t('compliance.dnc.reading')}
        </p>
      )}
      {preview.data && <DncFilePreview result={preview.data} />}
      <Field
        label={t('compliance.dnc.publishedLabel')}
        help={t('compliance.dnc.publishedHelp')}
        error={publishedAt === null ? t('compliance.dnc.publishedInvalid') : undefined}
      >
        {(p) => (
          <input
            {...p}
            type="date"
            required
            className={inputClass}
            value={published}
            max={today}
            onChange={(e) => setPublished(e.target.value)}
          />
        )}
      </Field>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={!ready}>
          {importer.isPending ? t('compliance.dnc.importing') : t('compliance.dnc.importButton')}
        </Button>
      </div>
      {importer.data && (
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t('compliance.dnc.imported', {
            id: importer.data.version.id,
            count: importer.data.version.rowCount,
            added: f.number(importer.data.added),
            removed: f.number(importer.data.removed),
            total: f.number(importer.data.version.rowCount),
          })}
        </p>
      )}
      {importer.error && isQuotaError(importer.error) && <StorageFullAlert />}
      {importer.error && !isQuotaError(importer.error) && (
        <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {t(`compliance.dnc.errors.${importer.error.message}`, { defaultValue: importer.error.message })}
        </p>
      )}
    </form>
  );
}
