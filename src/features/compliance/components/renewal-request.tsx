import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { inputClass } from '../../../components/ui/field';
import { RENEWAL_CHANNELS, type PendingRenewal, type RenewalChannel } from '../../../domain/compliance/consent-request';
import { useRequestRenewal } from '../api/use-renewals';
import { WriteFailure } from '../../../shared/storage/write-failure';
import { useFormatters } from '../model/use-formatters';
import { Labelled, SelectField } from '../../../components/ui/labelled';

/** "Renewal requested on … by … via …": the verdict's fact, said to be no proof. */
export function RenewalRequested({ pending }: { pending: PendingRenewal }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <p
      data-testid="renewal-requested"
      className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
    >
      {t('compliance.renewals.requestedFact', {
        date: f.dateTime(pending.requestedAt),
        by: pending.requestedBy,
        channel: t(`bulk.channels.${pending.channel}`),
      })}
    </p>
  );
}

/** Ask this lead to renew consent: channel and note, then the audited, undoable request. */
export function RequestRenewalForm({ leadId, onDone }: { leadId: number; onDone: () => void }) {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<RenewalChannel>('email');
  const [note, setNote] = useState('');
  const request = useRequestRenewal();
  return (
    <form
      aria-label={t('bulk.op.request-consent-renewal')}
      className="space-y-3 rounded-lg border border-slate-200 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        request.mutate({ leadId, channel, ...(note.trim() ? { note: note.trim() } : {}) }, { onSuccess: onDone });
      }}
    >
      <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
        <strong className="font-semibold">{t('bulk.notProof')}</strong> {t('bulk.help.request-consent-renewal')}
      </p>
      <SelectField
        label={t('bulk.channel')}
        value={channel}
        choices={RENEWAL_CHANNELS.map((c) => ({ value: c, label: t(`bulk.channels.${c}`) }))}
        onChange={(v) => setChannel(v as RenewalChannel)}
      />
      <Labelled label={t('bulk.note')}>
        <input
          className={`${inputClass} mt-1`}
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
        />
      </Labelled>
      <div className="flex justify-end gap-2">
        <Button onClick={onDone}>{t('compliance.cancel')}</Button>
        <Button type="submit" variant="primary" disabled={request.isPending}>
          {t('compliance.renewals.send')}
        </Button>
      </div>
      <WriteFailure write={request} />
    </form>
  );
}
