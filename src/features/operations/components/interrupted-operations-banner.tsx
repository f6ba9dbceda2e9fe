import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { interruption, type OperationRow } from '../../../domain/operations/operation';
import type { UndoSubject } from '../../../db/repos/operation-journal-repo';
import { useAcknowledgeOperation, useInterruptedOperations, useUndoSubjects } from '../api/use-interrupted-operations';
import { localeDateFormat } from '../../../i18n/use-date-format';
import { DATE_TIME } from '../../../domain/time/date-styles';

/** "source: web-forms · cohort: 2026-03" — the grid filter of an interrupted bulk edit, as text. */
function filterText(filter: Record<string, unknown> | undefined): string {
  return Object.entries(filter ?? {})
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
    .join(' · ');
}

/** Where the user starts the operation again. */
function RetryLink({ op }: { op: OperationRow }) {
  const { t } = useTranslation();
  const label = t(`operations.retry.${op.kind}`);
  const className = 'font-medium text-indigo-700 underline hover:text-indigo-900';
  switch (op.kind) {
    case 'import':
      return (
        <Link to="/import" search={{ kind: op.summary.importKind ?? 'leads' }} className={className}>
          {label}
        </Link>
      );
    case 'bulk-edit':
      return (
        <Link to="/leads" search={(op.summary.filter ?? {}) as never} className={className}>
          {label}
        </Link>
      );
    case 'undo':
      return (
        <Link to="/leads" search={{}} className={className}>
          {label}
        </Link>
      );
    case 'purge':
      return (
        <Link
          to="/compliance/retention"
          search={op.summary.mode ? { mode: op.summary.mode } : {}}
          className={className}
        >
          {label}
        </Link>
      );
    case 'dnc-scrub':
      return (
        <Link to="/compliance/dnc" search={{}} className={className}>
          {label}
        </Link>
      );
    case 'restore':
      return (
        <Link to="/export" search={{}} className={className}>
          {label}
        </Link>
      );
  }
}

/** What an undo set out to undo, in words: "the bulk edit “Add tags” made 2 Dec 2026, 14:03". */
function undoSubjectText(
  t: (key: string, values?: Record<string, unknown>) => string,
  subject: UndoSubject | undefined,
  when: Intl.DateTimeFormat,
): string {
  if (!subject) return t('operations.undoSubject.unknown');
  return subject.opKind
    ? t('operations.undoSubject.bulk', { op: t(`bulk.op.${subject.opKind}`), when: when.format(subject.at) })
    : t('operations.undoSubject.other', { when: when.format(subject.at) });
}

function Message({
  op,
  undone,
  when,
}: {
  op: OperationRow;
  undone: UndoSubject | undefined;
  when: Intl.DateTimeFormat;
}) {
  const { t, i18n } = useTranslation();
  const nf = new Intl.NumberFormat(i18n.language);
  const s = op.summary;
  const left = interruption(op);
  const values = {
    file: s.fileName ?? '',
    count: s.count ?? 0,
    formatted: nf.format(s.count ?? 0),
    op: s.opKind ? t(`bulk.op.${s.opKind}`) : '',
    mode: s.mode ? t(`compliance.retention.mode.${s.mode}`) : '',
    subject: op.kind === 'undo' ? undoSubjectText(t, undone, when) : '',
    ...(left.saved === 'partial' ? { done: nf.format(left.done), total: nf.format(left.total) } : {}),
  };
  const key = op.kind === 'dnc-scrub' && left.saved === 'partial' ? 'dnc-scrub-partial' : op.kind;
  return <>{t(`operations.interrupted.${key}`, values)}</>;
}

/**
 * Shown in the app shell when the journal holds operations a closed or crashed tab left
 * `started`: what was (not) saved, where to start it again, and a Dismiss.
 */
export function InterruptedOperationsBanner() {
  const { t, i18n } = useTranslation();
  const interrupted = useInterruptedOperations();
  const undone = useUndoSubjects(interrupted);
  const acknowledge = useAcknowledgeOperation();
  if (!interrupted?.length) return null;
  const when = localeDateFormat(i18n.language, DATE_TIME);
  return (
    <section
      aria-labelledby="interrupted-title"
      className="mb-4 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <h2 id="interrupted-title" className="font-semibold">
        {t('operations.title', { count: interrupted.length })}
      </h2>
      <ul className="mt-2 space-y-2">
        {interrupted.map((op) => (
          <li
            key={op.id}
            data-testid="interrupted-operation"
            className="flex flex-wrap items-center justify-between gap-3 border-t border-amber-200 pt-2 first:border-t-0 first:pt-0"
          >
            <div className="min-w-0 space-y-0.5">
              <p>
                <Message
                  op={op}
                  undone={op.summary.auditSeq !== undefined ? undone?.get(op.summary.auditSeq) : undefined}
                  when={when}
                />
              </p>
              <p className="text-xs text-amber-800">
                {t('operations.startedAt', { when: when.format(op.startedAt) })}
                {op.kind === 'bulk-edit' && op.summary.filter && Object.keys(op.summary.filter).length > 0 && (
                  <> · {t('operations.filter', { filter: filterText(op.summary.filter) })}</>
                )}
              </p>
            </div>
            <span className="flex shrink-0 items-center gap-3">
              <RetryLink op={op} />
              <Button
                onClick={() => acknowledge.mutate(op.id)}
                disabled={acknowledge.isPending}
                aria-label={t('operations.dismissLabel', {
                  what: t(`operations.kind.${op.kind}`, { file: op.summary.fileName ?? '' }),
                  when: when.format(op.startedAt),
                })}
              >
                {t('operations.dismiss')}
              </Button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
