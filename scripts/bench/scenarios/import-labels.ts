/**
 * The /import wizard's English labels the CSV-import scenario clicks, in one place, so a change
 * of wording fails import-labels.test.ts (which builds them from src/i18n/en) rather than a
 * 30-second locator timeout in the middle of a bench.
 */

/** "Check file". */
export const CHECK_BUTTON = 'Check file';

/** The commit button: "Import 100,000 new leads (100,000 rows)" or "… (100,000 rows, 12 merged)". */
export const COMMIT_BUTTON = /^Import [\d,]+ new leads? \([\d,]+ rows?(, [\d,]+ merged)?\)$/;
