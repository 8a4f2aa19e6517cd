// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/**
 * Libraries that cost start-up time (hundreds of ms together): only their loader modules import
 * them, on first use, so the catalog, `cairn --help` and a runner that needs none of them stay fast.
 * Type imports are free (erased) and allowed everywhere.
 */
const heavyPackages = ['playwright-core', 'exceljs', 'imapflow', 'mailparser', 'nodemailer', 'axios', 'iconv-lite', 'picomatch', 'undici'];
const heavyLoaders = ['src/activities/libraries.ts', 'src/orchestrator/libraries.ts'];
const heavyImports = {
  group: heavyPackages.flatMap((name) => [name, `${name}/*`]),
  allowTypeImports: true,
  message: 'A heavy library: load it on first use through its loader (src/activities/libraries.ts), never at the top of a module.',
};
// Tests, test servers and benchmarks may load them directly: they are never part of a start-up.
const notStartupCode = ['**/*.test.ts', '**/testing/**', 'e2e/**', 'bench/**'];

/**
 * The layers of DESIGN.md §1, enforced, plus the heavy-import rule for code that runs at start-up
 * (tests beside it keep the layer rules without the heavy-import one: a nested `files` array
 * matches files that satisfy every glob in it).
 */
const layer = (files, patterns, paths = []) => [
  { files, ignores: notStartupCode, rules: { 'no-restricted-imports': ['error', { patterns: [...patterns, heavyImports], paths }] } },
  { files: files.flatMap((glob) => notStartupCode.map((test) => [glob, test])), rules: { 'no-restricted-imports': ['error', { patterns, paths }] } },
];

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'dist-electron/**', 'out/**', 'coverage/**', 'resources/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'bin/*.js', 'scripts/*.js', '.ci/*.js'], maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 16 }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/only-throw-error': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  // src/ is the core: no electron, no react, nothing of main/ or renderer/.
  ...layer(['src/**/*.ts'], [
    { group: ['electron', 'electron/*', 'react', 'react-dom', 'react-dom/*', '@xyflow/*', 'zustand', 'monaco-editor', '@monaco-editor/*'], message: 'src/ is the core: it never imports electron or react (DESIGN.md §1).' },
    { group: ['**/main/**', '**/renderer/**', '../../main/*', '../../renderer/*'], message: 'src/ never imports main/ or renderer/.' },
  ]),
  // The scenario model is a leaf.
  ...layer(['src/scenario/**/*.ts'], [
    { group: ['../activities/*', '../engine/*', '../api/*', '../host/*', '../robot/*', '../store/*', '../orchestrator/*', '../cli/*', '../publish/*'], message: 'src/scenario is a leaf (DESIGN.md §1).' },
  ]),
  ...layer(['src/activities/**/*.ts'], [
    { group: ['**/api/*', '**/host/*', '**/robot/*', '**/store/*', '**/cli/*', '**/engine/*'], message: 'Blocks reach services through ctx only (DESIGN.md §1).' },
    { group: ['electron', 'react'], message: 'src/ is the core.' },
  ]),
  ...layer(['src/engine/**/*.ts'], [
    { group: ['**/robot/*', '**/orchestrator/*', '**/api/*', '**/host/*', '**/cli/*', '**/store/*'], message: 'The engine reaches services through ctx.host (DESIGN.md §1).' },
    { group: ['electron', 'react'], message: 'src/ is the core.' },
  ]),
  ...layer(['src/orchestrator/**/*.ts'], [
    { group: ['**/robot/*', '**/engine/*', '**/api/*', '**/host/*', '**/cli/*'], message: 'The Orchestrator client is a leaf (DESIGN.md §1).' },
    { group: ['electron', 'react'], message: 'src/ is the core.' },
  ]),
  ...layer(['src/robot/**/*.ts'], [
    { group: ['**/api/*', '**/host/*', '**/cli/*'], message: 'The robot knows no transport (DESIGN.md §1).' },
    { group: ['electron', 'react'], message: 'src/ is the core.' },
  ]),
  ...layer(['src/api/**/*.ts'], [
    { group: ['**/host/*', '**/cli/*'], message: 'The service knows no transport (DESIGN.md §1).' },
    { group: ['electron', 'react'], message: 'src/ is the core.' },
  ]),
  ...layer(['main/**/*.ts', 'scripts/**/*.{js,ts}', 'bin/**/*.js'], []),
  // Dynamic import() of a heavy library belongs in its loader only, so there is one place to look.
  {
    files: ['src/**/*.ts', 'main/**/*.ts'],
    ignores: [...notStartupCode, ...heavyLoaders],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: `ImportExpression[source.value=/^(${heavyPackages.join('|')})(\\/|$)/]`,
        message: 'Load a heavy library through its loader (src/activities/libraries.ts, src/orchestrator/libraries.ts).',
      }],
    },
  },
  // The renderer talks only to its bridge: no Node built-ins, no main/, no core services.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.map((name) => ({ name, message: 'The renderer runs in a browser: no Node built-ins.' })),
        patterns: [
          { group: ['**/main/**', 'electron'], message: 'The renderer talks only to its bridge (DESIGN.md §1).' },
          { group: ['**/src/engine/**', '**/src/robot/**', '**/src/store/**', '**/src/orchestrator/**', '**/src/host/**', '**/src/cli/**', '**/src/activities/**', '**/src/publish/**'], message: 'The renderer knows only the src/api contract and the src/scenario model.' },
          { group: ['**/src/scenario/io*', '**/src/scenario/fs*'], message: 'The scenario file I/O module is Node-only.' },
        ],
      }],
    },
  },
);
