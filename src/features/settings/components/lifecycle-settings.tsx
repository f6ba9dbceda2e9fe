import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveRow } from '../../../components/ui/save-row';
import { Field, inputClass } from '../../../components/ui/field';
import { MAX_DORMANT_DAYS, MIN_DORMANT_DAYS } from '../../../domain/leads/lifecycle-stage';
import { settingsSchema, type Settings } from '../../../domain/settings/settings';
import { WriteFailure } from '../../../shared/storage/write-failure';
import { useSaveSettings } from '../../../shared/settings/use-settings';

const dormantSchema = settingsSchema.pick({ dormantDays: true });

/** The lead lifecycle's one organisation setting: how long without an attempt makes a lead dormant (saved and audited like every setting). */
export function LifecycleSettings({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const save = useSaveSettings();
  const [draft, setDraft] = useState(String(settings.dormantDays));
  const [invalid, setInvalid] = useState(false);
  const [saved, setSaved] = useState(false);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = dormantSchema.safeParse({ dormantDays: draft.trim() === '' ? NaN : Number(draft) });
    setInvalid(!parsed.success);
    if (parsed.success) save.mutate(parsed.data, { onSuccess: () => setSaved(true) });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-xl gap-4" aria-label={t('lifecycle.settings.title')}>
      <Field
        label={t('lifecycle.settings.dormantDays')}
        help={t('lifecycle.settings.dormantDaysHelp')}
        error={invalid ? t('lifecycle.settings.invalid', { min: MIN_DORMANT_DAYS, max: MAX_DORMANT_DAYS }) : undefined}
      >
        {(p) => (
          <input
            {...p}
            type="number"
            inputMode="numeric"
            min={MIN_DORMANT_DAYS}
            max={MAX_DORMANT_DAYS}
            step={1}
            className={`${inputClass} !w-32`}
            value={draft}
            onChange={(e) => {
              setSaved(false);
              setDraft(e.target.value);
            }}
          />
        )}
      </Field>
      <SaveRow
        label={t('lifecycle.settings.save')}
        pending={save.isPending}
        savedMessage={saved && t('settings.saved')}
      />
      <WriteFailure write={save} />
    </form>
  );
}
