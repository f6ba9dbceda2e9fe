import { AlertDialog } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useForgetPerson, useForgetPreview } from '../api/use-forget-person';
import { useReturnFocus } from '../../../components/ui/use-return-focus';

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
  const returnFocus = useReturnFocus();
  const preview = useForgetPreview(leadId);
  const forget = useForgetPerson(onForgotten);
  const nf = new Intl.NumberFormat(i18n.language);
  const plan = preview.data;
  return (
    <AlertDialog.Root open onOpenChange={(o) => !o && onCancel()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-[60] bg-slate-900/40" />
        <AlertDialog.Content
          onCloseAutoFocus={returnFocus}
          className="fixed left-1/2 top-16 z-[70] w-[34rem] max-w-[95vw] -translate-x-1/2 rounded-xl bg-white p-6 shadow-xl"
        >
          <AlertDialog.Title className="text-lg font-semibold text-slate-900">{t('forget.title')}</AlertDialog.Title>
          <AlertDialog.Description className="mt-1 text-sm text-slate-600">
            {t('forget.description', { who })}
          </AlertDialog.Description>
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
          <div className="mt-5 flex justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button>{t('forget.cancel')}</Button>
            </AlertDialog.Cancel>
            <Button variant="danger" disabled={!plan || forget.isPending} onClick={() => forget.mutate(leadId)}>
              {t('forget.confirm')}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
