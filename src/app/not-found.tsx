import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="py-20 text-center">
      <h1 className="text-xl font-semibold">{t('errors.notFound')}</h1>
      <Link to="/" className="mt-4 inline-block text-indigo-700 underline">
        {t('nav.overview')}
      </Link>
    </div>
  );
}
