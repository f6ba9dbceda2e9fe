import { useTranslation } from 'react-i18next';
import { POLICY_PRESETS, type PresetId } from '../../../domain/compliance/policy-presets';
import { Badge } from '../../../components/ui/badge';

/** The jurisdiction presets as checkboxes, each with its legal source and effective date. */
export function PolicyPresets({ value, onChange }: { value: readonly string[]; onChange: (next: string[]) => void }) {
  const { t } = useTranslation();
  const toggle = (id: PresetId, on: boolean) =>
    onChange(on ? [...value.filter((v) => v !== id), id] : value.filter((v) => v !== id));
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">{t('compliance.policy.presets')}</legend>
      <p className="text-xs text-slate-500">{t('compliance.policy.presetsHelp')}</p>
      <ul className="mt-2 grid gap-2 md:grid-cols-2">
        {POLICY_PRESETS.map((p) => {
          const always = p.id === 'organisation';
          const on = always || value.includes(p.id);
          return (
            <li key={p.id}>
              <label
                className={`flex h-full gap-3 rounded-lg p-3 text-sm ring-1 ${on ? 'bg-indigo-50/60 ring-indigo-200' : 'ring-slate-200 hover:bg-slate-50'} ${always ? 'cursor-default' : 'cursor-pointer'}`}
              >
                <input
                  type="checkbox"
                  className="mt-0.5"
                  checked={on}
                  disabled={always}
                  onChange={(e) => toggle(p.id, e.target.checked)}
                />
                <span className="min-w-0">
                  <span className="block font-medium text-slate-900">
                    {p.name}
                    {p.draft && (
                      <Badge tone="warn" className="ml-2">
                        {t('compliance.policy.draft')}
                      </Badge>
                    )}
                  </span>
                  <span className="block text-xs text-slate-600">{p.jurisdiction}</span>
                  <span className="mt-1 block text-xs text-slate-600">
                    {t('compliance.policy.source')}: {p.source} ·{' '}
                    {t('compliance.policy.effective', { date: p.effectiveFrom })}
                  </span>
                  {p.note && <span className="mt-0.5 block text-xs italic text-slate-600">{p.note}</span>}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
