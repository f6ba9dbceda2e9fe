import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Field, inputClass } from '../../../components/ui/field';
import { formatPhone } from '../../../domain/leads/phone';
import { WriteFailure } from '../../../shared/storage/write-failure';
import { useAddInternalDnc } from '../api/use-dnc';

/** Put one number on the internal list: a person asked not to be called. Effective at once. */
export function InternalDncForm({ defaultRegion }: { defaultRegion: string }) {
  const { t } = useTranslation();
  const add = useAddInternalDnc();
  const [phone, setPhone] = useState('');
  const [note, setNote] = useState('');
  // Only the repository's own refusals (an invalid number) belong at the field; a full disk is never one.
  const code = (add.error as { code?: string } | null)?.code;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!phone.trim()) return;
    add.mutate(
      { phone, defaultRegion, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          setPhone('');
          setNote('');
        },
      },
    );
  };
  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label={t('compliance.dnc.internalTitle')}>
      <Field
        label={t('compliance.dnc.phoneLabel')}
        help={t('compliance.dnc.phoneHelp')}
        error={add.error && code ? t(`compliance.dnc.errors.${code}`, { defaultValue: add.error.message }) : undefined}
      >
        {(p) => (
          <input
            {...p}
            className={inputClass}
            value={phone}
            inputMode="tel"
            autoComplete="off"
            onChange={(e) => {
              add.reset();
              setPhone(e.target.value);
            }}
          />
        )}
      </Field>
      <Field label={t('compliance.dnc.noteLabel')}>
        {(p) => (
          <input {...p} className={inputClass} value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
        )}
      </Field>
      <Button type="submit" variant="danger" disabled={add.isPending || !phone.trim()}>
        {t('compliance.dnc.addInternal')}
      </Button>
      <WriteFailure write={add} shownAtField={code !== undefined} />
      {add.data && (
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {add.data.added
            ? t('compliance.dnc.addedInternal', {
                phone: formatPhone(add.data.phoneE164),
                count: add.data.leadIds.length,
              })
            : t('compliance.dnc.alreadyInternal', { phone: formatPhone(add.data.phoneE164) })}
        </p>
      )}
    </form>
  );
}
