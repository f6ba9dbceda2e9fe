import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useForgetPerson, useForgetPreview } from '../api/use-forget-person';
import { Dialog, DialogClose, DialogDescription, DialogFooter, DialogTitle } from '../../../components/ui/dialog';
import { cachedNumberFormat } from '../../../domain/time/intl-cache';

/**
 * "Forget this person": names everything the erasure removes and what it keeps, then erases
 * in one transaction. `who` is the name or number shown in the drawer.
 */
export function ForgetPersonDialog({
  leadId,
  who,
  onForgotten,
  onCancel,
}: {
  leadId: number;
  who: string;
  onForgotten: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const preview = useForgetPreview(leadId);
  const forget = useForgetPerson(onForgotten);
  const nf = cachedNumberFormat(i18n.language);
  const plan = preview.data;
  return (
    <Dialog alert onClose={onCancel}>
      <DialogTitle>{t('forget.title')}</DialogTitle>
      <DialogDescription>{t('forget.description', { who })}</DialogDescription>
      {preview.isPending && <p className="mt-4 text-sm text-slate-500">{t('app.loading')}</p>}
      {preview.isError && (
        <p role="alert" className="mt-4 text-sm text-rose-700">
          {t('forget.failed')}
        </p>
      )}
      {plan && (
        <>
          <h3 className="mt-4 text-sm font-medium text-slate-800">{t('forget.removed')}</h3>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-700" data-testid="forget-removed">
            <li>{t('forget.lead')}</li>
            <li>
              {t('forget.records', {
                calls: nf.format(plan.calls),
                consents: nf.format(plan.consents),
                acquisitions: nf.format(plan.acquisitions),
              })}
            </li>
            {plan.internalDnc > 0 && <li>{t('forget.internalDnc')}</li>}
            <li>{t('forget.audit', { count: plan.auditEntries, n: nf.format(plan.auditEntries) })}</li>
            {plan.undoOperations > 0 && (
              <li>{t('forget.undo', { count: plan.undoOperations, n: nf.format(plan.undoOperations) })}</li>
            )}
            {plan.otherRecords > 0 && (
              <li>{t('forget.other', { count: plan.otherRecords, n: nf.format(plan.otherRecords) })}</li>
            )}
          </ul>
          <h3 className="mt-4 text-sm font-medium text-slate-800">{t('forget.kept')}</h3>
          <p className="mt-1 text-sm text-slate-700">{t('forget.suppression')}</p>
          <p className="mt-2 text-xs text-slate-500">{t('forget.notes')}</p>
        </>
      )}
      {forget.isError && (
        <p role="alert" className="mt-3 text-sm text-rose-700">
          {t('forget.failed')}
        </p>
      )}
      <DialogFooter>
        <DialogClose>
          <Button>{t('forget.cancel')}</Button>
        </DialogClose>
        <Button variant="danger" disabled={!plan || forget.isPending} onClick={() => forget.mutate(leadId)}>
          {t('forget.confirm')}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
