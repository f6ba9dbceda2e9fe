import { useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { formatPhone } from '../../../domain/leads/phone';
import { useLeadDetail } from '../api/use-lead-detail';
import { useSourceNames } from '../../../shared/catalog/use-catalog';
import { VerdictBadge } from './grid-cells';
import { displayReasons } from '../../../domain/leads/display-row';
import { browserTimeZone, displayLocale } from '../../../i18n/display-locale';
import { LeadEditForm } from './lead-edit-form';
import { LeadTimeline } from './lead-timeline';
import { LifecycleSummary } from './lifecycle-summary';
import { ForgetPersonDialog } from './forget-person-dialog';
import { useMayRemoveLead } from '../../../shared/team/use-may-remove-lead';
import { localeDateFormat } from '../../../i18n/use-date-format';
import { DATE_TIME } from '../../../domain/time/date-styles';
import { SeverityIcon } from '../../../components/ui/severity-icon';
import { Dialog, DialogClose, DialogTitle } from '../../../components/ui/dialog';

/** The lead's consent panel is the compliance feature's: the app passes it in (features do not import each other). */
export type ConsentPanel = ComponentType<{ leadId: number }>;

/** The full record of one lead: verdict with reasons, editable fields, consent, timeline. */
export function LeadDrawer({
  leadId,
  onClose,
  consentPanel: LeadConsentPanel,
}: {
  leadId: number;
  onClose: () => void;
  consentPanel: ConsentPanel;
}) {
  const { t, i18n } = useTranslation();
  const detail = useLeadDetail(leadId);
  const sources = useSourceNames();
  const date = localeDateFormat(i18n.language, DATE_TIME);
  const [forgetting, setForgetting] = useState(false);
  // In team mode an agent may not remove a lead the team holds: not offered (the write would be refused).
  const mayRemove = useMayRemoveLead(leadId);
  // Back to the opener (the grid, or the phone button clicked); if it is gone (a virtual row re-rendered, or the drawer opened from a link), to the grid.
  return (
    <Dialog
      side="right"
      onClose={onClose}
      returnFocusFallback={() => document.querySelector<HTMLElement>('[role="grid"]')}
      describedBy={null}
    >
      {detail === undefined && <p className="p-6 text-sm text-slate-500">{t('app.loading')}</p>}
      {detail === null && (
        <div className="p-6">
          <DialogTitle>{t('leads.drawer.notFound', { id: leadId })}</DialogTitle>
        </div>
      )}
      {detail && (
        <>
          <header className="sticky top-0 z-10 border-b border-slate-200 bg-white px-6 py-4">
            <div className="flex items-start justify-between gap-4">
              <div>
                <DialogTitle>{detail.lead.name || formatPhone(detail.lead.phoneE164)}</DialogTitle>
                <p className="font-mono text-sm text-slate-600">{formatPhone(detail.lead.phoneE164)}</p>
              </div>
              <DialogClose>
                <button
                  type="button"
                  className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-700"
                  aria-label={t('leads.drawer.close')}
                >
                  ✕
                </button>
              </DialogClose>
            </div>
            <div className="mt-3 flex flex-wrap items-center gap-2" data-testid="drawer-verdict">
              <span className="text-sm text-slate-600">{t('leads.drawer.callableNow')}</span>
              <VerdictBadge
                row={{
                  callable: detail.verdict.callable,
                  reasons: displayReasons(detail.verdict, {
                    locale: displayLocale(i18n.language),
                    timeZone: browserTimeZone(),
                  }),
                }}
              />
            </div>
            <LifecycleSummary lifecycle={detail.lifecycle} date={date} />
            {detail.verdict.reasons.length > 0 && (
              <ul className="mt-2 space-y-0.5 text-xs text-slate-600">
                {detail.verdict.reasons.map((r) => (
                  <li key={r.code} className={r.severity === 'block' ? 'text-rose-700' : 'text-amber-700'}>
                    <SeverityIcon severity={r.severity} /> {t(`reason.${r.code}`)}
                    {r.since !== undefined && ` · ${t('leads.since', { date: date.format(r.since) })}`}
                    {r.until !== undefined && ` · ${t('leads.until', { date: date.format(r.until) })}`}
                  </li>
                ))}
              </ul>
            )}
          </header>
          <div className="space-y-6 px-6 py-5">
            <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
              <dt className="text-slate-500">{t('leads.col.acquiredAt')}</dt>
              <dd>
                {date.format(detail.lead.acquiredAt)}{' '}
                <span className="text-xs text-slate-500">
                  ({detail.lead.acquiredAtPrecision}
                  {detail.lead.acquiredAtDeclared ? `, ${t('leads.drawer.declared')}` : ''})
                </span>
              </dd>
              <dt className="text-slate-500">{t('leads.col.createdAt')}</dt>
              <dd>
                {date.format(detail.lead.createdAt)}{' '}
                <span className="text-xs text-slate-500">({t('leads.drawer.system')})</span>
              </dd>
              <dt className="text-slate-500">{t('leads.col.source')}</dt>
              <dd>{sources.get(detail.lead.sourceId) ?? detail.lead.sourceId}</dd>
              <dt className="text-slate-500">{t('leads.entry')}</dt>
              <dd>{t(`leads.entryMethod.${detail.lead.entryMethod}`)}</dd>
              <dt className="text-slate-500">{t('leads.region')}</dt>
              <dd>
                {detail.lead.region} · {detail.lead.timeZone}
              </dd>
              <dt className="text-slate-500">{t('leads.col.attempts')}</dt>
              <dd>{detail.lead.attempts}</dd>
            </dl>
            <LeadEditForm lead={detail.lead} />
            <LeadConsentPanel leadId={detail.lead.id} />
            <LeadTimeline events={detail.timeline} />
            <section className="border-t border-slate-200 pt-4">
              {mayRemove === false ? (
                <p className="text-xs text-slate-500" data-testid="forget-not-permitted">
                  {t('forget.notPermitted')}
                </p>
              ) : (
                <>
                  <Button variant="danger" disabled={mayRemove === undefined} onClick={() => setForgetting(true)}>
                    {t('forget.open')}
                  </Button>
                  <p className="mt-1 text-xs text-slate-500">{t('forget.openHelp')}</p>
                </>
              )}
            </section>
            {forgetting && (
              <ForgetPersonDialog
                leadId={detail.lead.id}
                who={detail.lead.name || formatPhone(detail.lead.phoneE164)}
                onCancel={() => setForgetting(false)}
                onForgotten={onClose}
              />
            )}
          </div>
        </>
      )}
    </Dialog>
  );
}
