import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveRow } from '../../../components/ui/save-row';
import { Field, inputClass } from '../../../components/ui/field';
import { settingsSchema, type Settings } from '../../../domain/settings/settings';
import { usePolicySettings, useSavePolicy } from '../../../shared/settings/use-policy';
import { WriteFailure } from '../../../shared/storage/write-failure';
import { PolicyPresets } from './policy-presets';
import { Select } from '../../../components/ui/select';

const NUMBERS = [
  'consentValidityMonths',
  'expiryNoticeDays',
  'retentionMonths',
  'staleMonths',
  'maxAttempts',
  'attemptWindowHours',
  'minGapHours',
] as const;
type PolicyKey = (typeof NUMBERS)[number] | 'policyPresets' | 'retentionFrom' | 'purgeMode' | 'requireConsent';
const policySchema = settingsSchema.pick({
  policyPresets: true,
  retentionFrom: true,
  purgeMode: true,
  requireConsent: true,
  ...Object.fromEntries(NUMBERS.map((k) => [k, true])),
} as Record<PolicyKey, true>);
type Draft = Omit<Pick<Settings, PolicyKey>, (typeof NUMBERS)[number]> & Record<(typeof NUMBERS)[number], string>;

const draftOf = (s: Settings): Draft => ({
  policyPresets: s.policyPresets,
  retentionFrom: s.retentionFrom,
  purgeMode: s.purgeMode,
  requireConsent: s.requireConsent,
  ...(Object.fromEntries(NUMBERS.map((k) => [k, String(s[k])])) as Record<(typeof NUMBERS)[number], string>),
});

/** The Policy section of Settings: presets, and the organisation's own numbers; saved (and audited) together. */
export function PolicySettings() {
  const { t } = useTranslation();
  const settings = usePolicySettings();
  if (!settings) return <p className="text-sm text-slate-500">{t('app.loading')}</p>;
  return <PolicyForm settings={settings} />;
}

function PolicyForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const save = useSavePolicy();
  const [draft, setDraft] = useState(() => draftOf(settings));
  const [errors, setErrors] = useState<Record<string, boolean>>({});
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [k]: v }));
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const candidate = {
      ...draft,
      policyPresets: [...new Set([...draft.policyPresets, 'organisation'])],
      ...Object.fromEntries(NUMBERS.map((k) => [k, draft[k].trim() === '' ? NaN : Number(draft[k])])),
    };
    const parsed = policySchema.safeParse(candidate);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), true])));
      return;
    }
    setErrors({});
    save.mutate(parsed.data, { onSuccess: () => setSaved(true) });
  };
  return (
    <form id="policy" onSubmit={onSubmit} noValidate className="space-y-6" aria-label={t('compliance.policy.title')}>
      <PolicyPresets value={draft.policyPresets} onChange={(v) => set('policyPresets', v)} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t('compliance.policy.organisation')}</legend>
        <div className="mt-2 grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
          {NUMBERS.map((k) => (
            <Field
              key={k}
              label={t(`compliance.policy.field.${k}`)}
              help={t(`compliance.policy.help.${k}`)}
              error={errors[k] ? t('compliance.policy.invalid') : undefined}
            >
              {(p) => (
                <input
                  {...p}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  step={k === 'minGapHours' ? 0.5 : 1}
                  className={inputClass}
                  value={draft[k]}
                  onChange={(e) => set(k, e.target.value)}
                />
              )}
            </Field>
          ))}
          <Field label={t('compliance.policy.field.retentionFrom')}>
            {(p) => (
              <Select
                {...p}
                value={draft.retentionFrom}
                onChange={(e) => set('retentionFrom', e.target.value as Settings['retentionFrom'])}
              >
                <option value="last-contact">{t('compliance.policy.retentionFrom.last-contact')}</option>
                <option value="acquired">{t('compliance.policy.retentionFrom.acquired')}</option>
              </Select>
            )}
          </Field>
          <Field label={t('compliance.policy.field.purgeMode')}>
            {(p) => (
              <Select
                {...p}
                value={draft.purgeMode}
                onChange={(e) => set('purgeMode', e.target.value as Settings['purgeMode'])}
              >
                <option value="anonymize">{t('compliance.retention.mode.anonymize')}</option>
                <option value="delete">{t('compliance.retention.mode.delete')}</option>
              </Select>
            )}
          </Field>
        </div>
        <label className="mt-4 flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-0.5"
            checked={draft.requireConsent}
            onChange={(e) => set('requireConsent', e.target.checked)}
          />
          <span>
            <span className="font-medium text-slate-800">{t('compliance.policy.field.requireConsent')}</span>
            <span className="block text-xs text-slate-500">{t('compliance.policy.help.requireConsent')}</span>
          </span>
        </label>
      </fieldset>
      <SaveRow
        label={t('compliance.policy.save')}
        pending={save.isPending}
        savedMessage={saved && t('compliance.policy.saved')}
      />
      <WriteFailure write={save} />
    </form>
  );
}
