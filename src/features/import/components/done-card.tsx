import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button, buttonClass } from '../../../components/ui/button';
import type { ImportBatch } from '../../../domain/import-export/import-batch';

const linkClass = 'inline-flex items-center rounded-md px-3 py-1.5 text-sm font-medium shadow-sm';

/** The committed batch, with the way to its leads and to the history (where it can be rolled back). */
export function DoneCard({ batch, onAnother }: { batch: ImportBatch; onAnother: () => void }) {
  const { t, i18n } = useTranslation();
  const nf = new Intl.NumberFormat(i18n.language);
  const calls = batch.kind === 'calls';
  return (
    <section role="status" className="rounded-xl border border-emerald-200 bg-emerald-50 p-5">
      <h2 className="text-base font-semibold text-emerald-900">{t('import.done.title', { id: batch.id })}</h2>
      <p className="mt-1 text-sm text-emerald-800">
        {calls
          ? t('import.done.calls', { created: nf.format(batch.created ?? 0), rejected: nf.format(batch.rejected) })
          : t('import.done.leads', {
              created: nf.format(batch.created ?? 0),
              merged: nf.format(batch.matchedExisting ?? 0),
              rejected: nf.format(batch.rejected),
            })}
      </p>
      <div className="mt-4 flex flex-wrap gap-2">
        {!calls && (
          <Link
            to="/leads"
            search={{ batch: batch.id }}
            className={`${linkClass} bg-emerald-700 text-white hover:bg-emerald-800`}
          >
            {t('import.done.viewLeads')}
          </Link>
        )}
        <Link to="/import/history" className={buttonClass()}>
          {t('import.done.history')}
        </Link>
        <Button variant="ghost" onClick={onAnother}>
          {t('import.done.another')}
        </Button>
      </div>
    </section>
  );
}
