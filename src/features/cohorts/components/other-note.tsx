import { useTranslation } from 'react-i18next';
import { LIST_SLOT, sentenceWithNames } from '../model/name-list';

/** Which series the chart adds up as "Other", each name isolated (<bdi>) so an imported name cannot reorder the rest. */
export function OtherNote({ names, leads }: { names: string[]; leads: string }) {
  const { t, i18n } = useTranslation();
  if (names.length === 0) return null;
  const parts = sentenceWithNames(
    t('cohorts.legible.otherNote', { count: names.length, leads, names: LIST_SLOT }),
    names,
    i18n.language,
  );
  return (
    <p data-testid="chart-other" className="mb-3 text-xs text-slate-600">
      {parts.map((p, i) => (p.name ? <bdi key={i}>{p.text}</bdi> : p.text))}
    </p>
  );
}
