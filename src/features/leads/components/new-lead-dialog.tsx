import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Field, inputClass } from '../../../components/ui/field';
import { buildNewLead, type FieldError } from '../../../domain/leads/new-lead';
import { parseLocal } from '../../../domain/time/calendar';
import { useSettings } from '../../../shared/settings/use-settings';
import { CatalogSelect } from './catalog-select';
import { WriteFailure } from '../../../shared/storage/write-failure';
import { useCreateLead } from '../api/use-create-lead';
import { Dialog, DialogDescription, DialogTitle } from '../../../components/ui/dialog';

/** Manual entry: phone (validated), source and acquisition time are required. */
export function NewLeadDialog({ onClose }: { onClose: (createdId?: number) => void }) {
  const { t } = useTranslation();
  const settings = useSettings();
  const create = useCreateLead();
  const [draft, setDraft] = useState({ phone: '', name: '', company: '', email: '', sourceId: '', acquiredAt: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  // The repository's own refusals (a duplicate number, an acquisition time it will not take) go to
  // their field; a full disk is never a field error (useWriteMutation keeps it out of `error`).
  const code = (create.error as { code?: string } | null)?.code;
  const shown: FieldError[] = code
    ? [...errors, { field: code.startsWith('acquired-') ? 'acquiredAt' : 'phone', code }]
    : errors;
  const set = (k: keyof typeof draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: e.target.value }));
  const errorFor = (field: string) => {
    const e = shown.find((x) => x.field === field);
    return e ? t(`leads.errors.${e.code}`, { defaultValue: e.code }) : undefined;
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!settings) return;
    create.reset();
    const acquiredAt = draft.acquiredAt
      ? parseLocal(draft.acquiredAt, "yyyy-MM-dd'T'HH:mm", settings.orgTimeZone)
      : null;
    const result = buildNewLead(
      { ...draft, acquiredAt },
      {
        defaultRegion: settings.defaultRegion,
        orgTimeZone: settings.orgTimeZone,
        now: Date.now(),
        entryMethod: 'manual',
      },
    );
    if (!result.ok) return setErrors(result.errors);
    setErrors([]);
    create.mutate(result.lead, { onSuccess: (lead) => onClose(lead.id) });
  };
  return (
    <Dialog onClose={() => onClose()}>
      <DialogTitle>{t('leads.new.title')}</DialogTitle>
      <DialogDescription>{t('leads.new.description')}</DialogDescription>
      <form onSubmit={onSubmit} noValidate className="mt-4 grid grid-cols-2 gap-3">
        <Field
          label={t('leads.new.phone')}
          error={errorFor('phone')}
          help={t('leads.new.phoneHelp', { region: settings?.defaultRegion ?? '' })}
        >
          {(p) => <input {...p} className={inputClass} value={draft.phone} onChange={set('phone')} autoFocus />}
        </Field>
        <Field label={t('leads.new.acquiredAt')} error={errorFor('acquiredAt')} help={settings?.orgTimeZone}>
          {(p) => (
            <input
              {...p}
              type="datetime-local"
              className={inputClass}
              value={draft.acquiredAt}
              onChange={set('acquiredAt')}
            />
          )}
        </Field>
        <Field label={t('leads.new.source')} error={errorFor('sourceId')}>
          {(p) => (
            <CatalogSelect
              {...p}
              of="sources"
              value={draft.sourceId}
              onChange={set('sourceId')}
              leading={<option value="">—</option>}
            />
          )}
        </Field>
        <Field label={t('leads.col.name')}>
          {(p) => <input {...p} className={inputClass} value={draft.name} onChange={set('name')} />}
        </Field>
        <Field label={t('leads.col.company')}>
          {(p) => <input {...p} className={inputClass} value={draft.company} onChange={set('company')} />}
        </Field>
        <Field label={t('leads.email')} error={errorFor('email')}>
          {(p) => <input {...p} type="email" className={inputClass} value={draft.email} onChange={set('email')} />}
        </Field>
        <div className="col-span-2">
          <WriteFailure write={create} shownAtField={code !== undefined} />
        </div>
        <div className="col-span-2 mt-2 flex justify-end gap-2">
          <Button onClick={() => onClose()}>{t('bulk.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={create.isPending || !settings}>
            {t('leads.new.create')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
