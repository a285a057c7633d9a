import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', '.tmp/**', '.probe/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.json', './tsconfig.node.json'], tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['../../../*'], message: 'No deep ../../../ chains (STYLE.md rule 6).' }] }],
    },
  },
  {
    files: ['**/*.tsx', 'src/app/**', 'src/features/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // src/domain is pure (STYLE.md rule 1): shared by the app and the server, time and ids passed in.
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: 'src/domain is pure: no React.' },
            { group: ['dexie', 'dexie-*'], message: 'src/domain is pure: no Dexie.' },
            { group: ['zustand', 'zustand/*'], message: 'src/domain is pure: no Zustand.' },
            { group: ['workbox-*'], message: 'src/domain is pure: no Workbox.' },
            { group: ['node:*', 'fs', 'path', 'http', 'https', 'better-sqlite3', 'hono', 'hono/*'], message: 'src/domain is pure: no Node or server modules.' },
            {
              group: ['../storage/*', '../sync/*', '../app/*', '../features/*', '../server/*', '../../*'],
              message: 'src/domain imports nothing outside src/domain.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'src/domain is pure: no window.' },
        { name: 'document', message: 'src/domain is pure: no document.' },
        { name: 'fetch', message: 'src/domain is pure: no fetch; pass data in.' },
        { name: 'navigator', message: 'src/domain is pure: no navigator.' },
        { name: 'localStorage', message: 'src/domain is pure: no localStorage.' },
        { name: 'indexedDB', message: 'src/domain is pure: no IndexedDB.' },
        { name: 'crypto', message: 'src/domain is pure: randomness is passed in.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'src/domain is pure: time comes in as an argument.' },
        { object: 'Math', property: 'random', message: 'src/domain is pure: randomness is passed in.' },
        { object: 'globalThis', property: 'fetch', message: 'src/domain is pure: no fetch.' },
        { object: 'window', property: 'fetch', message: 'src/domain is pure: no fetch.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'src/domain is pure: `new Date()` reads the clock; pass time in.' },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
