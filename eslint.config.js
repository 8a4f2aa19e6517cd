// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** The layers of DESIGN.md §1, enforced. */
const layer = (files, patterns, paths = []) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns, paths }] },
});

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'dist-electron/**', 'out/**', 'coverage/**', 'resources/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'bin/*.js', 'scripts/*.js', '.ci/*.js'] }, tsconfigRootDir: import.meta.dirname },
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
  layer(['src/**/*.ts'], [
    { group: ['electron', 'electron/*', 'react', 'react-dom', 'react-dom/*', '@xyflow/*', 'zustand', 'monaco-editor', '@monaco-editor/*'], message: 'src/ is the core: it never imports electron or react (DESIGN.md §1).' },
    { group: ['**/main/**', '**/renderer/**', '../../main/*', '../../renderer/*'], message: 'src/ never imports main/ or renderer/.' },
  ]),
  // The scenario model is a leaf.
  layer(['src/scenario/**/*.ts'], [
    { group: ['../activities/*', '../engine/*', '../api/*', '../host/*', '../robot/*', '../store/*', '../orchestrator/*', '../cli/*', '../publish/*'], message: 'src/scenario is a leaf (DESIGN.md §1).' },
  ]),
  layer(['src/activities/**/*.ts'], [
    { group: ['**/api/*', '**/host/*', '**/robot/*', '**/store/*', '**/cli/*', '**/engine/*'], message: 'Blocks reach services through ctx only (DESIGN.md §1).' },
    { group: ['electron', 'react'], message: 'src/ is the core.' },
  ]),
  layer(['src/engine/**/*.ts'], [
    { group: ['**/robot/*', '**/orchestrator/*', '**/api/*', '**/host/*', '**/cli/*', '**/store/*'], message: 'The engine reaches services through ctx.host (DESIGN.md §1).' },
    { group: ['electron', 'react'], message: 'src/ is the core.' },
  ]),
  layer(['src/orchestrator/**/*.ts'], [
    { group: ['**/robot/*', '**/engine/*', '**/api/*', '**/host/*', '**/cli/*'], message: 'The Orchestrator client is a leaf (DESIGN.md §1).' },
    { group: ['electron', 'react'], message: 'src/ is the core.' },
  ]),
  layer(['src/robot/**/*.ts'], [
    { group: ['**/api/*', '**/host/*', '**/cli/*'], message: 'The robot knows no transport (DESIGN.md §1).' },
    { group: ['electron', 'react'], message: 'src/ is the core.' },
  ]),
  layer(['src/api/**/*.ts'], [
    { group: ['**/host/*', '**/cli/*'], message: 'The service knows no transport (DESIGN.md §1).' },
    { group: ['electron', 'react'], message: 'src/ is the core.' },
  ]),
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
