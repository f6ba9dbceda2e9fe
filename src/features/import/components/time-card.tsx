import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import { inputClass } from '../../../components/ui/field';
import { DATE_FORMATS, type DateFormat } from '../../../domain/import-export/timestamp';
import { timeZoneOptions } from '../../../shared/settings/time-zones';
import { SelectField } from '../../../components/ui/labelled';

const ZONE_CHOICES = timeZoneOptions().map((z) => ({ value: z, label: z }));

export interface TimeChoice {
  format: DateFormat | null;
  timeZone: string | null;
  day: string | null;
}

/** The time declaration: format and zone of values without an offset; a whole-file date when there is no column. */
export function TimeCard({
  kind,
  value,
  needsDay,
  busy,
  onChange,
}: {
  kind: 'leads' | 'calls';
  value: TimeChoice;
  needsDay: boolean;
  busy: boolean;
  onChange: (v: Partial<TimeChoice>) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card title={t(kind === 'calls' ? 'import.time.titleCalls' : 'import.time.title')}>
      <p className="mb-4 text-xs text-slate-500">{t('import.time.help')}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t('import.time.format')}
          value={value.format ?? ''}
          none={t('import.time.formatUnset')}
          choices={DATE_FORMATS.map((f) => ({ value: f, label: t(`import.time.formats.${f}`) }))}
          disabled={busy}
          onChange={(v) => onChange({ format: (v || null) as DateFormat | null })}
        />
        <SelectField
          label={t('import.time.zone')}
          value={value.timeZone ?? ''}
          none={t('import.time.zoneUnset')}
          choices={ZONE_CHOICES}
          disabled={busy}
          onChange={(v) => onChange({ timeZone: v || null })}
        />
      </div>
      {needsDay && (
        <div className="mt-4 rounded-lg bg-amber-50 p-3 ring-1 ring-amber-200">
          <label className="block text-sm font-medium text-amber-900">
            {t('import.time.declared')}
            <input
              type="date"
              aria-label={t('import.time.declared')}
              className={`${inputClass} mt-1 max-w-xs`}
              value={value.day ?? ''}
              disabled={busy}
              onChange={(e) => onChange({ day: e.target.value || null })}
            />
          </label>
          <p className="mt-1 text-xs text-amber-800">{t('import.time.declaredHelp')}</p>
        </div>
      )}
    </Card>
  );
}
