/** A file-level problem as the alert shows it: a wrong file type names what the file really is. */
import type { FileProblem, ImportKind } from '../../../domain/import-export/import-analysis';
import type { WizardProblem } from '../api/use-import-wizard';

export function fileProblemOf(problem: FileProblem, kind: ImportKind): WizardProblem {
  if (problem.code === 'wrong-type' && problem.fileType) {
    return { code: `wrongType.${problem.fileType}`, values: { expected: kind === 'api' ? 'json' : 'csv' } };
  }
  return { code: problem.code, values: { line: problem.line ?? '' } };
}
