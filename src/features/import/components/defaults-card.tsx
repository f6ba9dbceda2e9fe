import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import { inputClass } from '../../../components/ui/field';
import type { Campaign } from '../../../domain/catalog/campaign';
import type { Source } from '../../../domain/catalog/source';
import { CONFLICT_RULES, type ConflictRule } from '../../../domain/import-export/field-merge';
import { REGIONS } from '../../../shared/settings/time-zones';
import { Labelled, SelectField } from '../../../components/ui/labelled';

export interface DefaultsChoice {
  source: string | null;
  campaign: string | null;
  region: string;
  rule: ConflictRule;
}

/** Default source and campaign (pick or type), default region, and the conflict rule. */
export function DefaultsCard({
  kind,
  value,
  sources,
  campaigns,
  busy,
  onChange,
  regionNote,
}: {
  kind: 'leads' | 'calls' | 'api';
  value: DefaultsChoice;
  sources: Source[];
  campaigns: Campaign[];
  busy: boolean;
  onChange: (v: Partial<DefaultsChoice>) => void;
  /** What the file's numbers and language suggest for the region (shown under its select). */
  regionNote?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card title={t('import.defaults.title')}>
      <div className="grid gap-4 sm:grid-cols-3">
        {kind !== 'calls' && (
          <CatalogField
            label={t('import.defaults.source')}
            help={t('import.defaults.sourceHelp')}
            value={value.source}
            entries={sources}
            disabled={busy}
            onChange={(source) => onChange({ source })}
          />
        )}
        <CatalogField
          label={t('import.defaults.campaign')}
          value={value.campaign}
          entries={campaigns}
          disabled={busy}
          onChange={(campaign) => onChange({ campaign })}
        />
        <div>
          <SelectField
            label={t('import.defaults.region')}
            value={value.region}
            choices={[...new Set([value.region, ...REGIONS])].map((r) => ({ value: r, label: r }))}
            disabled={busy}
            onChange={(region) => onChange({ region })}
          />
        </div>
      </div>
      {regionNote}
      {kind !== 'calls' && (
        <fieldset className="mt-5">
          <legend className="text-sm font-medium text-slate-700">{t('import.defaults.rule')}</legend>
          <div className="mt-2 flex flex-wrap gap-4">
            {CONFLICT_RULES.map((rule) => (
              <label key={rule} className="flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="radio"
                  name="conflict-rule"
                  value={rule}
                  checked={value.rule === rule}
                  disabled={busy}
                  onChange={() => onChange({ rule })}
                  className="text-indigo-600"
                />
                {t(rule === 'keep-existing' ? 'import.defaults.keepExisting' : 'import.defaults.takeNew')}
              </label>
            ))}
          </div>
          <p className="mt-1 text-xs text-slate-500">{t('import.defaults.ruleHelp')}</p>
        </fieldset>
      )}
    </Card>
  );
}

/** A default source or campaign: type a new id, or pick a stored one (listed with its name); blank is none. */
function CatalogField({
  label,
  help,
  value,
  entries,
  disabled,
  onChange,
}: {
  label: string;
  help?: string;
  value: string | null;
  entries: readonly (Source | Campaign)[];
  disabled: boolean;
  onChange: (id: string | null) => void;
}) {
  const listId = useId();
  return (
    <Labelled label={label} help={help}>
      <input
        aria-label={label}
        className={`${inputClass} mt-1`}
        list={listId}
        value={value ?? ''}
        maxLength={100}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value.trim() === '' ? null : e.target.value)}
      />
      <datalist id={listId}>
        {entries.map((e) => (
          <option key={e.id} value={e.id}>
            {e.name}
          </option>
        ))}
      </datalist>
    </Labelled>
  );
}
