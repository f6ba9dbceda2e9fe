import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import type { ProofData } from '../../../db/repos/proof-repo';
import { formatPhone } from '../../../domain/leads/phone';
import { isHashedPhone } from '../../../domain/compliance/anonymise';
import { downloadHtml, downloadJson } from '../model/proof-download';
import { PolicySection } from './proof-policy';
import { ConsentSection, DncSection, FrequencySection, LocalTimeSection, ProofSection } from './proof-sections';
import { CallableBadge, ReasonList } from './reason-list';
import { useFormatters } from '../model/use-formatters';

// While a proof is on screen, printing shows the report alone: no navigation, no controls.
const PRINT_CSS =
  '@media print { aside, nav, .print\\:hidden { display: none !important; } main { padding: 0 !important; } body { background: white; } }';

/** The point-in-time proof: what was known at the moment, the verdict and its reasons, the policy and the audit chain; printable and downloadable. */
export function ProofReport({ data }: { data: ProofData }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const ref = useRef<HTMLElement>(null);
  const { report } = data;
  const { lead, call, verdict } = report;
  const purged = lead.anonymizedAt !== undefined;
  const title = call
    ? t('compliance.proof.titleCall', { id: call.id, date: f.dateTime(call.at) })
    : t('compliance.proof.titleLead', { id: lead.id, date: f.dateTime(report.at) });
  const baseName = call ? `proof-call-${call.id}` : `proof-lead-${lead.id}-${report.at}`;
  return (
    <div>
      <style>{PRINT_CSS}</style>
      <div className="mb-3 flex flex-wrap justify-end gap-2 print:hidden">
        <Button onClick={() => window.print()}>{t('compliance.proof.print')}</Button>
        <Button onClick={() => downloadJson(report, `${baseName}.json`)}>{t('compliance.proof.downloadJson')}</Button>
        <Button onClick={() => ref.current && downloadHtml(ref.current, title, `${baseName}.html`)}>
          {t('compliance.proof.downloadHtml')}
        </Button>
      </div>
      <article
        ref={ref}
        aria-label={title}
        className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm print:border-0 print:p-0 print:shadow-none"
        data-testid="proof-report"
      >
        <header className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <p className="text-xs font-medium uppercase tracking-wide text-indigo-600">
              {t('compliance.proof.kicker')}
            </p>
            <h2 className="mt-1 text-xl font-semibold text-slate-900">{title}</h2>
            <p className="mt-1 text-sm text-slate-600">
              {purged || isHashedPhone(lead.phoneE164) ? (
                t('compliance.proof.purgedLead', { date: f.date(lead.anonymizedAt ?? 0) })
              ) : (
                <>
                  {data.leadName && `${data.leadName} · `}
                  <span className="font-mono">{formatPhone(lead.phoneE164)}</span>
                </>
              )}
              {' · '}
              {data.sourceName} · {lead.region}
            </p>
          </div>
          <div className="text-right" data-testid="proof-verdict">
            <p className="text-xs text-slate-500">
              {call ? t('compliance.proof.question') : t('compliance.proof.questionLead')}
            </p>
            <p className={`mt-1 text-lg font-semibold ${verdict.callable ? 'text-emerald-700' : 'text-rose-700'}`}>
              {verdict.callable ? t('compliance.proof.answerYes') : t('compliance.proof.answerNo')}
            </p>
            <CallableBadge callable={verdict.callable} />
          </div>
        </header>
        {call && (
          <p className="text-sm text-slate-600">
            {t('compliance.proof.callLine', {
              agent: call.agent,
              outcome: t(`compliance.outcome.${call.outcome}`, { defaultValue: call.outcome }),
              seconds: call.durationSec,
            })}
          </p>
        )}
        <ProofSection title={t('compliance.proof.verdict')} testId="proof-reasons">
          <ReasonList reasons={verdict.reasons} />
        </ProofSection>
        <LocalTimeSection report={report} />
        <ConsentSection report={report} />
        <DncSection report={report} />
        <FrequencySection report={report} />
        <PolicySection report={report} />
        <ProofSection title={t('compliance.proof.audit')} testId="proof-audit">
          <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">{t('compliance.proof.chainHead')}</dt>
            <dd className="break-all font-mono text-xs">
              #{report.audit.head.seq} {report.audit.head.hash}
            </dd>
            <dt className="text-slate-500">{t('compliance.proof.chainAtMoment')}</dt>
            <dd className="break-all font-mono text-xs">
              {report.audit.atMoment ? `#${report.audit.atMoment.seq} ${report.audit.atMoment.hash}` : '—'}
            </dd>
          </dl>
        </ProofSection>
        <footer className="border-t border-slate-200 pt-3 text-xs text-slate-500">
          {t('compliance.proof.generated', {
            date: f.dateTime(report.generatedAt),
            lead: lead.id,
            acquired: f.dateTime(lead.acquiredAt),
            created: f.dateTime(lead.createdAt),
          })}
        </footer>
      </article>
    </div>
  );
}
