import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Field, inputClass } from '../../../components/ui/field';

/** Pull an API payload from an http(s) URL (fetched by the worker). */
export function UrlForm({ busy, onUrl }: { busy: boolean; onUrl: (url: string) => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (url.trim()) onUrl(url.trim());
  };
  return (
    <form onSubmit={submit} className="mt-4 flex items-end gap-2" noValidate>
      <div className="flex-1">
        <Field label={t('import.url.label')}>
          {(p) => (
            <input
              {...p}
              type="url"
              inputMode="url"
              className={inputClass}
              placeholder={t('import.url.placeholder')}
              value={url}
              onChange={(e) => setUrl(e.target.value)}
            />
          )}
        </Field>
      </div>
      <Button type="submit" disabled={busy || !url.trim()} className="mb-5">
        {t('import.url.fetch')}
      </Button>
    </form>
  );
}
