import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import { useLeadCalls } from '../api/use-proof';
import { useFormatters } from '../model/use-formatters';
import { EmptyState } from '../../../components/ui/empty-state';

/** The lead's logged calls, each opening the proof of that call. */
export function LeadCallsCard({ leadId, current }: { leadId: number; current: number | undefined }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const calls = useLeadCalls(leadId);
  return (
    <Card title={t('compliance.proof.calls')}>
      {!calls.data ? (
        <p className="text-sm text-slate-500">{t('app.loading')}</p>
      ) : calls.data.length === 0 ? (
        <EmptyState inline>{t('compliance.proof.noCalls')}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {calls.data.slice(0, 20).map((c) => (
            <li
              key={c.id}
              className={`flex items-center justify-between gap-2 py-1.5 ${c.id === current ? 'font-medium' : ''}`}
            >
              <span>
                {f.dateTime(c.at)} · {t(`compliance.outcome.${c.outcome}`, { defaultValue: c.outcome })}
              </span>
              <Link
                to="/compliance/proof"
                search={{ call: c.id }}
                className="text-indigo-600 hover:underline"
                aria-label={t('compliance.proof.callProofLabel', { date: f.dateTime(c.at) })}
              >
                {t('compliance.proof.callProof')}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
