import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const noElectronInCore = {
  paths: [
    {
      name: 'electron',
      message: 'core and src-shared run under plain Node and in the renderer: keep electron in src-main/electron.',
    },
  ],
  patterns: [
    {
      group: ['electron/*', '**/electron/*', '**/src-main/electron/**'],
      message: 'core and src-shared must not depend on the Electron layer.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
      '.demo/**',
      'server-data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only', message: 'A focused test skips the rest of the suite.' },
        { object: 'describe', property: 'only', message: 'A focused test skips the rest of the suite.' },
        { object: 'test', property: 'only', message: 'A focused test skips the rest of the suite.' },
        {
          object: 'it',
          property: 'skip',
          message: 'A skipped test hides a failure: fix it, or skip with skipIf and a printed reason.',
        },
        {
          object: 'describe',
          property: 'skip',
          message: 'A skipped test hides a failure: fix it, or skip with skipIf and a printed reason.',
        },
        {
          object: 'test',
          property: 'skip',
          message: 'A skipped test hides a failure: fix it, or leave it out of the run in the config.',
        },
      ],
    },
  },
  {
    files: ['src-main/core/**', 'src-shared/**'],
    rules: { 'no-restricted-imports': ['error', noElectronInCore] },
  },
  {
    // Core domains sit under the router, not beside it: they may take a HandlerContext (and throw
    // CommitThenFail, which only means something to the router) but import nothing else from core/api.
    files: ['src-main/core/**'],
    ignores: [
      'src-main/core/api/**',
      // Seeds validate their generated inputs with the router's own validator, outside any call.
      'src-main/core/scheduling/seed.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noElectronInCore.paths,
          patterns: [
            ...noElectronInCore.patterns,
            {
              regex: '^(\\.\\./)+api/(?!context$)',
              message: 'A core domain must not depend on core/api: the router calls the domain, not the other way.',
            },
            {
              regex: '^(\\.\\./)+api/context$',
              allowImportNames: ['HandlerContext', 'CommitThenFail'],
              message: 'From core/api a domain may import only the HandlerContext type (and CommitThenFail).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'The renderer is a browser page: no Node modules.' },
            { group: ['**/src-main/**', 'electron'], message: 'The renderer talks to main only through the bridge.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  // Formatting is Prettier's (checked by `npm run lint`); turn off ESLint rules that would argue with it.
  prettier,
);
