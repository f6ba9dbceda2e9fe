import { useTranslation } from 'react-i18next';
import type { WizardProblem } from '../api/use-import-wizard';
import { StorageFullAlert } from '../../../shared/storage/storage-full-alert';
import { formatBytes } from '../../../shared/format-bytes';

/** A file-level problem or refusal, in words, with what to do. */
export function ProblemAlert({ problem }: { problem: WizardProblem }) {
  const { t, i18n } = useTranslation();
  const v = problem.values ?? {};
  const values = {
    ...v,
    ...(typeof v.size === 'number' ? { size: formatBytes(v.size, i18n.language) } : {}),
    ...(typeof v.limit === 'number' ? { limit: formatBytes(v.limit, i18n.language) } : {}),
    ...(v.expected === 'csv' || v.expected === 'json' ? { expected: t(`import.problems.expected.${v.expected}`) } : {}),
  };
  const cancelled = problem.code === 'cancelled';
  if (problem.code === 'quota') return <StorageFullAlert />;
  return (
    <p
      role="alert"
      className={`rounded-lg px-4 py-3 text-sm ring-1 ${cancelled ? 'bg-amber-50 text-amber-900 ring-amber-200' : 'bg-rose-50 text-rose-800 ring-rose-200'}`}
    >
      {t(`import.problems.${problem.code}`, {
        defaultValue: t('import.problems.failed', { message: problem.code }),
        ...values,
      })}
    </p>
  );
}
