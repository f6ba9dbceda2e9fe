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
  const sourceList = useId();
  const campaignList = useId();
  const text = (v: string) => (v.trim() === '' ? null : v);
  return (
    <Card title={t('import.defaults.title')}>
      <div className="grid gap-4 sm:grid-cols-3">
        {kind !== 'calls' && (
          <Labelled label={t('import.defaults.source')} help={t('import.defaults.sourceHelp')}>
            <input
              aria-label={t('import.defaults.source')}
              className={`${inputClass} mt-1`}
              list={sourceList}
              value={value.source ?? ''}
              maxLength={100}
              disabled={busy}
              onChange={(e) => onChange({ source: text(e.target.value) })}
            />
            <datalist id={sourceList}>
              {sources.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </datalist>
          </Labelled>
        )}
        <Labelled label={t('import.defaults.campaign')}>
          <input
            aria-label={t('import.defaults.campaign')}
            className={`${inputClass} mt-1`}
            list={campaignList}
            value={value.campaign ?? ''}
            maxLength={100}
            disabled={busy}
            onChange={(e) => onChange({ campaign: text(e.target.value) })}
          />
          <datalist id={campaignList}>
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </datalist>
        </Labelled>
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
