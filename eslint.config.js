import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { readdirSync } from 'node:fs';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import prettierConfig from 'eslint-config-prettier/flat';
import i18next from 'eslint-plugin-i18next';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const dexie = { group: ['dexie', 'dexie/*'], message: 'Dexie is used only in src/db and src/workers (STYLE.md).' };
const liveQuery = {
  group: ['dexie-react-hooks'],
  message: 'Live queries live in hooks (src/features/*/api, src/shared/**/use-*.ts); components call hooks.',
};
const dateFns = {
  group: ['date-fns', 'date-fns/*', '@date-fns/*'],
  message: 'Date maths lives in src/domain/time/calendar.ts.',
};
const react = {
  group: ['react', 'react-dom', 'react/*', '@tanstack/react-*', 'react-i18next'],
  message: 'The domain is pure: no React.',
};
const db = { group: ['**/db/*', '**/db/**', 'dexie'], message: 'The domain does not touch the database.' };

/** eslint-plugin-i18next's own list of calls whose string arguments are not UI text (an option replaces it). */
const I18N_DEFAULT_CALLEES = [
  'i18n(ext)?',
  't',
  'require',
  'addEventListener',
  'removeEventListener',
  'postMessage',
  'getElementById',
  'dispatch',
  'commit',
  'includes',
  'indexOf',
  'endsWith',
  'startsWith',
];

/**
 * Boundaries (STYLE.md; bulletproof-react's import/no-restricted-paths zones): dependencies point
 * app → features → shared/components/domain. A feature never imports another feature (what two
 * features share lives in src/shared, or src/app composes them); components/ui and src/shared
 * never import a feature or the app.
 */
const FEATURES = readdirSync('src/features', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
/** Files another feature may still import, each to be moved out (none today). */
const CROSS_FEATURE_EXCEPTIONS = {};
const featureZones = FEATURES.map((f) => ({
  target: `./src/features/${f}`,
  from: './src/features',
  except: [`./${f}`, ...(CROSS_FEATURE_EXCEPTIONS[f] ?? [])],
  message:
    'A feature does not import another feature: move what both need to src/shared (or src/components), or compose them in src/app.',
}));
const boundaries = {
  'import-x/no-restricted-paths': [
    'error',
    {
      zones: [
        ...featureZones,
        {
          target: './src/features',
          from: './src/app',
          message: 'Features do not import the app; the app composes features.',
        },
        {
          target: './src/components',
          from: ['./src/features', './src/app'],
          message: 'components/ui takes props only: it never imports a feature or the app.',
        },
        {
          target: './src/shared',
          from: ['./src/features', './src/app'],
          message: 'src/shared is below the features: it never imports one, nor the app.',
        },
      ],
    },
  ],
  'import-x/no-cycle': ['error', { ignoreExternal: true }],
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'test-results*',
      'dev-dist',
      'node_modules',
      'playwright-report',
      'test-results',
      'bench-results*',
    ],
  },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
      'no-restricted-imports': ['error', { patterns: [dexie, dateFns, liveQuery] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: boundaries,
  },
  {
    // No literal UI text (Excalidraw's rule): what a person reads in a production component goes
    // through i18next, in en and zh-CN alike. Text between tags, strings in expressions rendered as
    // children, and the attributes people read (or hear from a screen reader); text of punctuation,
    // digits and symbols only ("·", "—", "×", "%") may stay.
    files: ['src/**/*.tsx'],
    ignores: ['src/**/*.test.tsx', 'src/testing/**'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            include: ['aria-label', 'aria-description', 'aria-placeholder', 'title', 'placeholder', 'alt', 'label'],
          },
          words: { exclude: [/^[\p{P}\p{S}\p{N}\s]+$/u] },
          // Also campaignFilter: its string argument is an attribution mode, not text.
          callees: { exclude: [...I18N_DEFAULT_CALLEES, 'campaignFilter'] },
          message: 'UI text goes through i18next (t(...)) in src/i18n/en and zh-CN',
        },
      ],
    },
  },
  { files: ['src/features/*/api/**', 'src/shared/**/use-*.ts'], rules: restrict([dexie, dateFns]) },
  { files: ['src/db/**', 'src/workers/**'], rules: restrict([dateFns]) },
  {
    // Workers and hooks may hold a database handle, but its tables are read and written by repositories only.
    files: ['src/workers/**/*.ts', 'src/features/**/*.{ts,tsx}', 'src/shared/**/*.{ts,tsx}', 'src/app/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/**/*test-*.ts', 'src/**/*-test-fixture.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.type='MemberExpression'][object.object.name='db']",
          message: 'Tables are read and written through a repository (src/db/repos), not from a worker or a screen.',
        },
      ],
    },
  },
  { files: ['src/domain/time/**'], rules: restrict([dexie, react, db]) },
  { files: ['src/domain/**'], ignores: ['src/domain/time/**'], rules: restrict([dexie, dateFns, react, db]) },
  {
    files: ['**/*.test.{ts,tsx}', 'e2e/**', 'scripts/**'],
    rules: { 'no-restricted-imports': 'off', 'max-lines': 'off' },
  },
  { files: ['e2e/**', 'scripts/**'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
  // Formatting is Prettier's (npm run format:check); eslint-config-prettier turns off the rules that would fight it.
  prettierConfig,
);
