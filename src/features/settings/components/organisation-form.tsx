import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveRow } from '../../../components/ui/save-row';
import { Field, inputClass } from '../../../components/ui/field';
import { settingsSchema, type Settings } from '../../../domain/settings/settings';
import { WriteFailure } from '../../../shared/storage/write-failure';
import { useSaveSettings } from '../../../shared/settings/use-settings';
import { REGIONS, timeZoneOptions } from '../../../shared/settings/time-zones';
import { Select } from '../../../components/ui/select';

const ZONES = timeZoneOptions();

/** Organisation time zone, default phone region and operator name. */
export function OrganisationForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const save = useSaveSettings();
  const [draft, setDraft] = useState({
    orgTimeZone: settings.orgTimeZone,
    defaultRegion: settings.defaultRegion,
    operatorName: settings.operatorName,
  });
  const [errors, setErrors] = useState<Record<string, boolean>>({});
  const [saved, setSaved] = useState(false);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = settingsSchema
      .pick({ orgTimeZone: true, defaultRegion: true, operatorName: true })
      .safeParse({ ...draft, operatorName: draft.operatorName.trim() });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), true])));
      return;
    }
    setErrors({});
    save.mutate(parsed.data, { onSuccess: () => setSaved(true) });
  };
  const set = (k: keyof typeof draft) => (v: string) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [k]: v }));
  };

  return (
    <form onSubmit={onSubmit} className="grid max-w-xl gap-5" noValidate>
      <Field label={t('settings.orgTimeZone')} help={t('settings.orgTimeZoneHelp')}>
        {(p) => (
          <Select {...p} value={draft.orgTimeZone} onChange={(e) => set('orgTimeZone')(e.target.value)}>
            {ZONES.map((z) => (
              <option key={z}>{z}</option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t('settings.defaultRegion')} help={t('settings.defaultRegionHelp')}>
        {(p) => (
          <Select {...p} value={draft.defaultRegion} onChange={(e) => set('defaultRegion')(e.target.value)}>
            {REGIONS.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        label={t('settings.operatorName')}
        help={t('settings.operatorNameHelp')}
        error={errors.operatorName ? t('settings.invalid') : undefined}
      >
        {(p) => (
          <input
            {...p}
            className={inputClass}
            value={draft.operatorName}
            maxLength={80}
            onChange={(e) => set('operatorName')(e.target.value)}
          />
        )}
      </Field>
      <SaveRow label={t('settings.save')} pending={save.isPending} savedMessage={saved && t('settings.saved')} />
      <WriteFailure write={save} />
    </form>
  );
}
