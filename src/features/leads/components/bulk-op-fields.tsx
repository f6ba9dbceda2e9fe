import { useTranslation } from 'react-i18next';
import { inputClass } from '../../../components/ui/field';
import { Labelled, SelectField } from '../../../components/ui/labelled';
import { RENEWAL_CHANNELS, type RenewalChannel } from '../../../domain/compliance/consent-request';
import type { BulkOpKind } from '../../../domain/leads/bulk-edit';
import { CatalogSelect } from './catalog-select';
import { KEEP, type BulkDraft } from '../model/bulk-draft';

/** The inputs of one bulk operation; every change goes through `set`. */
export function BulkOpFields({
  kind,
  draft,
  set,
}: {
  kind: BulkOpKind;
  draft: BulkDraft;
  set: (patch: Partial<BulkDraft>) => void;
}) {
  const { t } = useTranslation();
  switch (kind) {
    case 'edit-fields':
      return (
        <fieldset className="space-y-3" data-testid="bulk-fields">
          <legend className="text-sm text-slate-600">{t('bulk.fieldsHelp')}</legend>
          <Labelled label={t('leads.col.source')}>
            <CatalogSelect
              of="sources"
              className="mt-1"
              value={draft.sourceId}
              onChange={(e) => set({ sourceId: e.target.value })}
              leading={<option value={KEEP}>{t('bulk.keep')}</option>}
            />
          </Labelled>
          <Labelled label={t('leads.col.campaign')}>
            <CatalogSelect
              of="campaigns"
              className="mt-1"
              value={draft.campaignId}
              onChange={(e) => set({ campaignId: e.target.value })}
              leading={
                <>
                  <option value={KEEP}>{t('bulk.keep')}</option>
                  <option value="">{t('bulk.noCampaign')}</option>
                </>
              }
            />
          </Labelled>
          <Labelled label={t('bulk.addTags')}>
            <input
              className={`${inputClass} mt-1`}
              value={draft.addTags}
              onChange={(e) => set({ addTags: e.target.value })}
            />
          </Labelled>
          <Labelled label={t('bulk.removeTags')}>
            <input
              className={`${inputClass} mt-1`}
              value={draft.removeTags}
              onChange={(e) => set({ removeTags: e.target.value })}
            />
          </Labelled>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" checked={draft.verify} onChange={(e) => set({ verify: e.target.checked })} />
            {t('bulk.op.mark-verified')}
          </label>
        </fieldset>
      );
    case 'add-tags':
    case 'remove-tags':
      return (
        <Labelled label={t('bulk.tags')}>
          <input className={`${inputClass} mt-1`} value={draft.text} onChange={(e) => set({ text: e.target.value })} />
        </Labelled>
      );
    case 'set-source':
    case 'set-campaign':
      return (
        <Labelled label={t(kind === 'set-source' ? 'leads.col.source' : 'leads.col.campaign')}>
          <CatalogSelect
            of={kind === 'set-source' ? 'sources' : 'campaigns'}
            className="mt-1"
            value={draft.text}
            onChange={(e) => set({ text: e.target.value })}
            leading={<option value="">{kind === 'set-campaign' ? t('bulk.noCampaign') : '—'}</option>}
          />
        </Labelled>
      );
    case 'renew-consent':
      return (
        <>
          <ConsentHelp kind={kind} />
          <Labelled label={t('bulk.proofRef')}>
            <input
              className={`${inputClass} mt-1`}
              value={draft.proofRef}
              onChange={(e) => set({ proofRef: e.target.value })}
            />
          </Labelled>
          <Labelled label={t('bulk.validityMonths')}>
            <input
              type="number"
              min={1}
              max={120}
              className={`${inputClass} mt-1`}
              value={draft.months}
              onChange={(e) => set({ months: Number(e.target.value) })}
            />
          </Labelled>
        </>
      );
    case 'request-consent-renewal':
      return (
        <>
          <ConsentHelp kind={kind} />
          <SelectField
            label={t('bulk.channel')}
            value={draft.channel}
            choices={RENEWAL_CHANNELS.map((c) => ({ value: c, label: t(`bulk.channels.${c}`) }))}
            onChange={(v) => set({ channel: v as RenewalChannel })}
          />
          <Labelled label={t('bulk.note')}>
            <input
              className={`${inputClass} mt-1`}
              value={draft.note}
              maxLength={500}
              onChange={(e) => set({ note: e.target.value })}
            />
          </Labelled>
        </>
      );
    default:
      return null;
  }
}

/** Says plainly which consent action records proof and which only asks for it. */
function ConsentHelp({ kind }: { kind: 'renew-consent' | 'request-consent-renewal' }) {
  const { t } = useTranslation();
  const proof = kind === 'renew-consent';
  return (
    <p
      data-testid="consent-action-help"
      className={`rounded-lg p-3 text-sm ${proof ? 'bg-emerald-50 text-emerald-900 ring-1 ring-emerald-200' : 'bg-amber-50 text-amber-900 ring-1 ring-amber-200'}`}
    >
      <strong className="font-semibold">{t(proof ? 'bulk.recordsProof' : 'bulk.notProof')}</strong>{' '}
      {t(`bulk.help.${kind}`)}
    </p>
  );
}
