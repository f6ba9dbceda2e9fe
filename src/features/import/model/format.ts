/** Display helpers of the import screens. */

export const DELIMITER_KEYS = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' } as const;
