import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Field, inputClass } from '../../../components/ui/field';
import type { Lead, LeadPatch } from '../../../domain/leads/lead';
import { formatInZone, parseLocal } from '../../../domain/time/calendar';
import { useSettings } from '../../settings/api/use-settings';
import { useCatalog } from '../api/use-catalog';
import { useUpdateLead } from '../api/use-lead-detail';

const LOCAL = "yyyy-MM-dd'T'HH:mm";

/** Inline editing of a lead; acquisition time changes need a reason (kept in the audit trail). */
export function LeadEditForm({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const settings = useSettings();
  const catalog = useCatalog();
  const update = useUpdateLead();
  const tz = settings?.orgTimeZone ?? 'UTC';
  const [draft, setDraft] = useState({ name: lead.name, company: lead.company, email: lead.email, tags: lead.tags.join(', '), sourceId: lead.sourceId, acquiredAt: formatInZone(lead.acquiredAt, LOCAL, tz), reason: '' });
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));
  const acquiredMs = parseLocal(draft.acquiredAt, LOCAL, tz);
  const acquiredChanged = acquiredMs !== null && Math.floor(acquiredMs / 60_000) !== Math.floor(lead.acquiredAt / 60_000);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (acquiredMs === null) return setError(t('leads.errors.acquired-invalid'));
    const patch: LeadPatch = { name: draft.name.trim(), company: draft.company.trim(), email: draft.email.trim(), sourceId: draft.sourceId, tags: draft.tags.split(',').map((s) => s.trim()).filter(Boolean) };
    if (acquiredChanged) patch.acquiredAt = acquiredMs;
    update.mutate(
      { id: lead.id, patch, ...(draft.reason.trim() ? { reason: draft.reason.trim() } : {}) },
      { onError: (err) => setError(t(`leads.errors.${(err as { code?: string }).code ?? 'generic'}`, { defaultValue: err.message })) },
    );
  };
  return (
    <form onSubmit={onSubmit} className="grid grid-cols-2 gap-3" aria-label={t('leads.drawer.edit')}>
      <Field label={t('leads.col.name')}>{(p) => <input {...p} className={inputClass} value={draft.name} onChange={set('name')} />}</Field>
      <Field label={t('leads.col.company')}>{(p) => <input {...p} className={inputClass} value={draft.company} onChange={set('company')} />}</Field>
      <Field label={t('leads.email')}>{(p) => <input {...p} type="email" className={inputClass} value={draft.email} onChange={set('email')} />}</Field>
      <Field label={t('leads.col.tags')}>{(p) => <input {...p} className={inputClass} value={draft.tags} onChange={set('tags')} />}</Field>
      <Field label={t('leads.col.source')}>
        {(p) => (
          <select {...p} className={inputClass} value={draft.sourceId} onChange={set('sourceId')}>
            {catalog?.sources.map((s) => (
              <option key={s.id} value={s.id}>{s.name}</option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('leads.col.acquiredAt')} help={tz}>{(p) => <input {...p} type="datetime-local" className={inputClass} value={draft.acquiredAt} onChange={set('acquiredAt')} />}</Field>
      {acquiredChanged && (
        <div className="col-span-2">
          <Field label={t('leads.drawer.reason')} help={t('leads.drawer.reasonHelp')}>{(p) => <input {...p} className={inputClass} value={draft.reason} onChange={set('reason')} required />}</Field>
        </div>
      )}
      <div className="col-span-2 flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={update.isPending}>{t('leads.drawer.save')}</Button>
        {update.isSuccess && !error && <span role="status" className="text-sm text-emerald-700">{t('leads.drawer.saved')}</span>}
        {error && <span role="alert" className="text-sm text-rose-700">{error}</span>}
      </div>
    </form>
  );
}
