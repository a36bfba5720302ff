// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const electronBanned = {
  name: 'electron',
  message: 'electron/core and electron/shared are pure TypeScript: Electron capabilities come in through ports.',
};
const rawIpcBanned = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Raw IPC lives only in electron/main/ipc-registration.ts and electron/preload: use the typed contract.',
};

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'dist-electron/', 'dist-cli/', 'release/', 'test-results/', 'bench/results/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }] },
      ],
      'no-restricted-imports': ['error', { paths: [rawIpcBanned] }],
    },
  },
  {
    // Plain-JavaScript build glue: no types to check against.
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['electron/core/**', 'electron/shared/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronBanned], patterns: [{ group: ['electron/*'], message: electronBanned.message }] }],
      'no-console': 'error',
    },
  },
  {
    files: ['electron/shared/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronBanned],
        patterns: [{ group: ['node:*', '**/core/**', '**/main/**'], message: 'The contract is imported by the renderer: no Node, core or main imports.' }],
      }],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer reaches main only through the preload API.' }],
        patterns: [
          { group: ['node:*', '**/electron/core/**', '**/electron/main/**'], message: 'The renderer imports only electron/shared and its own files.' },
          // The bridge's type comes from the preload object itself; its code never loads in the page.
          { group: ['**/electron/preload/**'], allowTypeImports: true, message: 'Only types may come from the preload.' },
        ],
      }],
    },
  },
  {
    files: ['electron/main/ipc-registration.ts', 'electron/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
