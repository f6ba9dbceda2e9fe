import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveRow } from '../../../components/ui/save-row';
import { Field, inputClass } from '../../../components/ui/field';
import type { Lead } from '../../../domain/leads/lead';
import { draftPatch, editDraft, leadDraft, type DraftField } from '../../../domain/leads/lead-edit-draft';
import { useSettings } from '../../../shared/settings/use-settings';
import { CatalogSelect } from './catalog-select';
import { useUpdateLead } from '../api/use-lead-detail';

/**
 * Inline editing of a lead. The form is built only once the organisation's zone is known: a
 * draft written in a fallback zone and read back in the real one moved the acquisition time.
 */
export function LeadEditForm({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const settings = useSettings();
  if (!settings) return <p className="text-sm text-slate-500">{t('app.loading')}</p>;
  return <LeadEditFields lead={lead} timeZone={settings.orgTimeZone} />;
}

/** The fields; saving sends only what the user changed; acquisition time changes need a reason (kept in the audit trail). */
function LeadEditFields({ lead, timeZone }: { lead: Lead; timeZone: string }) {
  const { t } = useTranslation();
  const update = useUpdateLead();
  const [draft, setDraft] = useState(() => leadDraft(lead, timeZone));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const set = (k: DraftField) => (e: { target: { value: string } }) => setDraft((d) => editDraft(d, k, e.target.value));
  const result = draftPatch(draft);
  const acquiredChanged = result.ok && result.acquiredChanged;
  const text = draft.text;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!result.ok) return setError(t(`leads.errors.${result.problem}`));
    if (result.acquiredChanged && !reason.trim()) return setError(t('leads.errors.reason-required'));
    update.mutate(
      { id: lead.id, patch: result.patch, ...(result.acquiredChanged ? { reason: reason.trim() } : {}) },
      {
        // The saved lead is the new reference: the next save is measured against it.
        onSuccess: (saved) => {
          setDraft(leadDraft(saved, draft.timeZone));
          setReason('');
        },
        onError: (err) =>
          setError(t(`leads.errors.${(err as { code?: string }).code ?? 'generic'}`, { defaultValue: err.message })),
      },
    );
  };
  return (
    // noValidate: the browser's own bubbles block a save without a message a screen reader hears; the alert below says why.
    <form onSubmit={onSubmit} noValidate className="grid grid-cols-2 gap-3" aria-label={t('leads.drawer.edit')}>
      <Field label={t('leads.col.name')}>
        {(p) => <input {...p} className={inputClass} value={text.name} onChange={set('name')} />}
      </Field>
      <Field label={t('leads.col.company')}>
        {(p) => <input {...p} className={inputClass} value={text.company} onChange={set('company')} />}
      </Field>
      <Field label={t('leads.email')}>
        {(p) => <input {...p} type="email" className={inputClass} value={text.email} onChange={set('email')} />}
      </Field>
      <Field label={t('leads.col.tags')}>
        {(p) => <input {...p} className={inputClass} value={text.tags} onChange={set('tags')} />}
      </Field>
      <Field label={t('leads.col.source')}>
        {(p) => <CatalogSelect {...p} of="sources" value={text.sourceId} onChange={set('sourceId')} />}
      </Field>
      <Field label={t('leads.col.acquiredAt')} help={draft.timeZone}>
        {(p) => (
          <input
            {...p}
            type="datetime-local"
            step={1}
            className={inputClass}
            value={text.acquiredAt}
            onChange={set('acquiredAt')}
          />
        )}
      </Field>
      {acquiredChanged && (
        <div className="col-span-2">
          <Field label={t('leads.drawer.reason')} help={t('leads.drawer.reasonHelp')}>
            {(p) => (
              <input
                {...p}
                className={inputClass}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                aria-required
              />
            )}
          </Field>
        </div>
      )}
      <SaveRow
        label={t('leads.drawer.save')}
        pending={update.isPending}
        savedMessage={update.isSuccess && !error && t('leads.drawer.saved')}
        className="col-span-2"
      >
        {error && (
          <span role="alert" className="text-sm text-rose-700">
            {error}
          </span>
        )}
      </SaveRow>
    </form>
  );
}
