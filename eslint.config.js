import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const dexie = { group: ['dexie', 'dexie/*'], message: 'Dexie is used only in src/db and src/workers (STYLE.md).' };
const liveQuery = { group: ['dexie-react-hooks'], message: 'Live queries live in src/features/*/api hooks; components call hooks.' };
const dateFns = { group: ['date-fns', 'date-fns/*', '@date-fns/*'], message: 'Date maths lives in src/domain/time/calendar.ts.' };
const react = { group: ['react', 'react-dom', 'react/*', '@tanstack/react-*', 'react-i18next'], message: 'The domain is pure: no React.' };
const db = { group: ['**/db/*', '**/db/**', 'dexie'], message: 'The domain does not touch the database.' };

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'test-results*', 'dev-dist', 'node_modules', 'playwright-report', 'test-results', 'bench-results*'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
      'no-restricted-imports': ['error', { patterns: [dexie, dateFns, liveQuery] }],
    },
  },
  { files: ['src/features/*/api/**'], rules: restrict([dexie, dateFns]) },
  { files: ['src/db/**', 'src/workers/**'], rules: restrict([dateFns]) },
  { files: ['src/domain/time/**'], rules: restrict([dexie, react, db]) },
  { files: ['src/domain/**'], ignores: ['src/domain/time/**'], rules: restrict([dexie, dateFns, react, db]) },
  { files: ['**/*.test.{ts,tsx}', 'e2e/**', 'scripts/**'], rules: { 'no-restricted-imports': 'off', 'max-lines': 'off' } },
  { files: ['e2e/**', 'scripts/**'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
);
