import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The walls between the parts of src/, drawn here so that crossing one fails `npm run lint`:
 * each part lists the parts it may import. `app` is the composition root: it may import
 * anything, and nothing imports it. A feature reaches another feature only through that
 * feature's index.ts. test/lint/walls.test.ts feeds the linter imports that cross.
 */
const PARTS = ['domain', 'storage', 'sync', 'ui', 'features', 'server', 'app'];
/** @type {Record<string, string[]>} */
const MAY_IMPORT = {
  domain: [],
  storage: ['domain'],
  sync: ['domain', 'storage'],
  server: ['domain'],
  ui: ['domain', 'storage'],
  features: ['domain', 'storage', 'sync', 'ui'],
};
const NO_REACT = ['react', 'react/*', 'react-dom', 'react-dom/*', 'dexie-react-hooks', 'zustand', 'zustand/*'];
const DEEP_CHAIN = { group: ['../../../*'], message: 'No deep ../../../ chains: move the file or import through an index.' };
/** @param {string} s */
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * no-restricted-imports for the files of `part` that sit `depth` folders below it.
 * @param {string} part
 * @param {number} depth
 */
function wallFor(part, depth) {
  const up = `^(${escape('../')}){${depth + 1}}`;
  const patterns = [DEEP_CHAIN];
  for (const other of PARTS) {
    if (other === part || MAY_IMPORT[part].includes(other)) continue;
    patterns.push({ regex: `${up}${other}(/|$)`, message: `src/${part} may import only ${MAY_IMPORT[part].join(', ') || 'itself'}, not src/${other}.` });
  }
  patterns.push({ regex: `${up}\\.\\.(/|$)`, message: `src/${part} imports nothing outside src/ (unit tests reach test fixtures through #fixtures/…).` });
  if (part === 'features' && depth >= 1) {
    // Another feature only through its index: `../playbooks`, never `../playbooks/library`.
    patterns.push({ regex: `^(\\.\\./){${depth}}[^./][^/]*/.`, message: 'A feature imports another feature only through its index.ts (`../other`).' });
  }
  if (['domain', 'storage', 'sync', 'server'].includes(part)) patterns.push({ group: NO_REACT, message: `src/${part} has no React or UI state.` });
  if (part === 'domain') {
    patterns.push(
      { group: ['dexie', 'dexie-*', 'workbox-*'], message: 'src/domain is pure: no storage or service worker.' },
      { group: ['node:*', 'fs', 'path', 'http', 'https', 'better-sqlite3', 'pg', 'hono', 'hono/*'], message: 'src/domain is pure: no Node or server modules.' },
    );
  }
  return patterns;
}

const walls = Object.keys(MAY_IMPORT).flatMap((part) =>
  [0, 1, 2].map((depth) => ({
    files: [`src/${part}/${'*/'.repeat(depth)}*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns: wallFor(part, depth) }] },
  })),
);

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
      'no-restricted-imports': ['error', { patterns: [DEEP_CHAIN] }],
      'no-sequences': 'error',
    },
  },
  {
    files: ['**/*.tsx', 'src/app/**', 'src/ui/**', 'src/features/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'react-hooks/exhaustive-deps': ['warn', { additionalHooks: '^useAsync$' }] },
  },
  ...walls,
  {
    // src/domain is pure: shared by the app and the server, time and ids passed in.
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
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
