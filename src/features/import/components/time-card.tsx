import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import { inputClass } from '../../../components/ui/field';
import { DATE_FORMATS, type DateFormat } from '../../../domain/import-export/timestamp';
import { timeZoneOptions } from '../../../shared/settings/time-zones';
import { Select } from '../../../components/ui/select';

const ZONES = timeZoneOptions();

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
        <label className="block text-sm font-medium text-slate-700">
          {t('import.time.format')}
          <Select
            aria-label={t('import.time.format')}
            className="mt-1"
            value={value.format ?? ''}
            disabled={busy}
            onChange={(e) => onChange({ format: (e.target.value || null) as DateFormat | null })}
          >
            <option value="">{t('import.time.formatUnset')}</option>
            {DATE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`import.time.formats.${f}`)}
              </option>
            ))}
          </Select>
        </label>
        <label className="block text-sm font-medium text-slate-700">
          {t('import.time.zone')}
          <Select
            aria-label={t('import.time.zone')}
            className="mt-1"
            value={value.timeZone ?? ''}
            disabled={busy}
            onChange={(e) => onChange({ timeZone: e.target.value || null })}
          >
            <option value="">{t('import.time.zoneUnset')}</option>
            {ZONES.map((z) => (
              <option key={z}>{z}</option>
            ))}
          </Select>
        </label>
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
