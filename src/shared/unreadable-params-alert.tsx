import { useTranslation } from 'react-i18next';
import { Button } from '../components/ui/button';

/** Params of the link that could not be read, named with their text, what the screen holds back because of them, and a way to drop them knowingly. */
export function UnreadableParamsAlert({
  params,
  consequence,
  onRemove,
}: {
  params: Record<string, string>;
  consequence?: string;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="mb-3 rounded-md border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-800">
      <p className="font-medium">{t('leads.unreadable.title')}</p>
      <ul className="mt-1 list-inside list-disc font-mono text-xs">
        {Object.entries(params).map(([name, value]) => (
          <li key={name}>{t('leads.unreadable.item', { name, value })}</li>
        ))}
      </ul>
      {consequence && <p className="mt-1">{consequence}</p>}
      <Button className="mt-2" onClick={onRemove}>
        {t('leads.unreadable.remove')}
      </Button>
    </div>
  );
}
