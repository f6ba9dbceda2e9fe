import { useTranslation } from 'react-i18next';
import { downloadBlob } from '../../../shared/download-blob';
import type { ImportWizard } from '../api/use-import-wizard';

/** Save the rejected-row report (built in the worker, in the steward's language) as a CSV file. */
export function useDownloadReport(wiz: ImportWizard) {
  const { t } = useTranslation();
  return async (fileName: string) => {
    const csv = await wiz.report({
      line: t('import.rejections.line'),
      column: t('import.rejections.column'),
      reason: t('import.rejections.reason'),
      code: t('import.rejections.code'),
      value: t('import.rejections.value'),
      reasons: t('import.reason', { returnObjects: true }) as Record<string, string>,
    });
    downloadBlob(
      new Blob([csv], { type: 'text/csv;charset=utf-8' }),
      `${fileName.replace(/\.[^.]+$/, '')}-rejected.csv`,
    );
  };
}
