import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Field, inputClass } from '../../../components/ui/field';
import { CONSENT_BASES, CONSENT_METHODS, type ConsentEvent } from '../../../domain/compliance/consent-event';
import { consentInputSchema } from '../../../domain/compliance/consent-input';
import { formatInZone, parseLocal } from '../../../domain/time/calendar';
import { WriteFailure } from '../../../shared/storage/write-failure';
import { useRecordConsent } from '../api/use-lead-compliance';
import { Select } from '../../../components/ui/select';

const LOCAL = "yyyy-MM-dd'T'HH:mm";

/** Capture, renew or withdraw consent for calls; a withdrawal needs the reference of its proof. */
export function ConsentForm({
  leadIds,
  kind,
  timeZone,
  onDone,
}: {
  leadIds: number[];
  kind: ConsentEvent['kind'];
  timeZone: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const record = useRecordConsent();
  const [basis, setBasis] = useState<ConsentEvent['basis']>('consent');
  const [method, setMethod] = useState<ConsentEvent['method']>(kind === 'withdrawn' ? 'verbal-recording' : 'web-form');
  const [proofRef, setProofRef] = useState('');
  const [capturedAt, setCapturedAt] = useState(() => formatInZone(Date.now(), LOCAL, timeZone));
  const [expires, setExpires] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const at = parseLocal(capturedAt, LOCAL, timeZone);
    const expiresAt = expires ? parseLocal(expires, 'yyyy-MM-dd', timeZone) : undefined;
    const input = {
      leadIds,
      purpose: 'calls',
      kind,
      basis,
      method,
      proofRef,
      capturedAt: at ?? NaN,
      ...(expiresAt !== undefined ? { expiresAt: expiresAt ?? NaN } : {}),
    };
    const parsed = consentInputSchema.safeParse(input);
    if (!parsed.success || (at !== null && at > Date.now() + 60_000)) {
      const issues = parsed.success ? [{ path: ['capturedAt'], message: 'future' }] : parsed.error.issues;
      setErrors(Object.fromEntries(issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    record.mutate(parsed.data, { onSuccess: onDone });
  };
  const err = (k: string) =>
    errors[k]
      ? t(`compliance.consent.errors.${errors[k]}`, { defaultValue: t('compliance.consent.errors.invalid') })
      : undefined;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-3 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200"
      aria-label={t(`compliance.consent.formTitle.${kind}`)}
    >
      <h4 className="text-sm font-semibold text-slate-800">{t(`compliance.consent.formTitle.${kind}`)}</h4>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t('compliance.consent.basisLabel')}>
          {(p) => (
            <Select {...p} value={basis} onChange={(e) => setBasis(e.target.value as ConsentEvent['basis'])}>
              {CONSENT_BASES.map((b) => (
                <option key={b} value={b}>
                  {t(`compliance.consent.basis.${b}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t('compliance.consent.methodLabel')}>
          {(p) => (
            <Select {...p} value={method} onChange={(e) => setMethod(e.target.value as ConsentEvent['method'])}>
              {CONSENT_METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(`compliance.consent.method.${m}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          label={t('compliance.consent.proofLabel')}
          help={t(kind === 'withdrawn' ? 'compliance.consent.proofHelpWithdraw' : 'compliance.consent.proofHelp')}
          error={err('proofRef')}
        >
          {(p) => (
            <input
              {...p}
              className={inputClass}
              value={proofRef}
              maxLength={500}
              required={kind === 'withdrawn'}
              onChange={(e) => setProofRef(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('compliance.consent.capturedAt')} help={timeZone} error={err('capturedAt')}>
          {(p) => (
            <input
              {...p}
              type="datetime-local"
              className={inputClass}
              value={capturedAt}
              onChange={(e) => setCapturedAt(e.target.value)}
            />
          )}
        </Field>
        {kind !== 'withdrawn' && (
          <Field
            label={t('compliance.consent.expiresLabel')}
            help={t('compliance.consent.expiresHelp')}
            error={err('expiresAt')}
          >
            {(p) => (
              <input
                {...p}
                type="date"
                className={inputClass}
                value={expires}
                onChange={(e) => setExpires(e.target.value)}
              />
            )}
          </Field>
        )}
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant={kind === 'withdrawn' ? 'danger' : 'primary'} disabled={record.isPending}>
          {t(`compliance.consent.submit.${kind}`)}
        </Button>
        <Button onClick={onDone} disabled={record.isPending}>
          {t('compliance.cancel')}
        </Button>
      </div>
      <WriteFailure write={record} />
    </form>
  );
}
