// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { layersPlugin } from './scripts/eslint-layers.js';

/**
 * Libraries that cost start-up time (hundreds of ms together): only their loader modules import
 * them, on first use, so the catalog, `cairn --help` and a runner that needs none of them stay fast.
 * Type imports are free (erased) and allowed everywhere.
 */
const heavyPackages = ['playwright-core', 'exceljs', 'imapflow', 'mailparser', 'nodemailer', 'axios', 'iconv-lite', 'picomatch', 'csv-parse', 'csv-stringify', 'undici'];
const heavyLoaders = ['src/activities/libraries.ts', 'src/orchestrator/libraries.ts'];
const heavyImports = {
  group: heavyPackages.flatMap((name) => [name, `${name}/*`]),
  allowTypeImports: true,
  message: 'A heavy library: load it on first use through its loader (src/activities/libraries.ts), never at the top of a module.',
};
// Tests, test servers and benchmarks may load them directly: they are never part of a start-up.
const notStartupCode = ['**/*.test.ts', '**/testing/**', 'e2e/**', 'bench/**'];

// Test files and test kits: `**/testing/**` folders hold the kits (never packaged, never imported
// by production code); tests may import any of them (cairn/layers `testKits`).
const testFiles = ['**/*.test.ts', '**/*.test.tsx', '**/testing/**', '**/testing.ts'];

/** Every folder of ours, for the leaves that may import none of them. */
const ours = ['src/scenario', 'src/activities', 'src/engine', 'src/api', 'src/host', 'src/robot', 'src/store', 'src/orchestrator', 'src/cli', 'src/publish', 'src/picker', 'src/static', 'src/util', 'main', 'renderer'];
const oursBut = (...keep) => ours.filter((folder) => !keep.includes(folder));
const uiPackages = ['electron', 'react', 'react-dom', '@xyflow/react', 'zustand', 'monaco-editor', '@monaco-editor/react', 'lucide-react', 'i18next', 'react-i18next'];
const core = [
  { folders: ['main', 'renderer'], message: 'src/ is the core: it never imports main/ or renderer/ (DESIGN.md §1).' },
  { packages: uiPackages, message: 'src/ is the core: it never imports electron or react (DESIGN.md §1).' },
];
const noBuiltins = (where) => ({ builtins: true, message: `${where} runs in a browser: no Node built-ins (DESIGN.md §1).` });

/**
 * The layers of DESIGN.md §1, one entry per folder, checked by `cairn/layers` (scripts/eslint-layers.js)
 * on where an import resolves. Later entries win for files that match several (io.ts after the
 * rest of src/scenario, the preload after main/). `scripts/lintRules.test.ts` plants a forbidden
 * import in each layer and expects this config to refuse it.
 */
export const layers = [
  { files: ['src/**/*.ts'], forbid: core },
  {
    files: ['src/scenario/**/*.ts'],
    forbid: [...core, { folders: oursBut('src/scenario'), message: 'src/scenario is a leaf: the model imports nothing of ours (DESIGN.md §1).' }, noBuiltins('src/scenario (but io.ts)')],
    tests: [...core, { folders: oursBut('src/scenario', 'src/util'), message: 'src/scenario is a leaf (DESIGN.md §1).' }],
  },
  // The one file-I/O module of the model.
  { files: ['src/scenario/io.ts'], forbid: [...core, { folders: oursBut('src/scenario', 'src/util'), message: 'src/scenario is a leaf: its file I/O may use src/util only (DESIGN.md §1).' }] },
  // The fuzzer (`npm run fuzz`, a test tool) validates against the real block catalog.
  { files: ['src/scenario/fuzz/**/*.ts'], forbid: [...core, { folders: oursBut('src/scenario', 'src/activities'), message: 'The fuzzer drives the model and the catalog only.' }] },
  {
    files: ['src/activities/**/*.ts'],
    forbid: [
      ...core,
      {
        folders: oursBut('src/scenario', 'src/activities', 'src/util'),
        // The Orchestrator's codes (task statuses, asset types) are the words of the host methods blocks call.
        except: ['src/orchestrator/protocol.ts'],
        message: 'Blocks see the scenario model and the block API only; services reach them through ctx (DESIGN.md §1).',
      },
    ],
  },
  {
    files: ['src/engine/**/*.ts'],
    forbid: [...core, { folders: ['src/robot', 'src/orchestrator', 'src/api', 'src/host', 'src/cli', 'src/store', 'src/publish', 'src/static'], message: 'The engine reaches services through ctx.host (DESIGN.md §1).' }],
  },
  {
    files: ['src/orchestrator/**/*.ts'],
    forbid: [...core, { folders: oursBut('src/orchestrator', 'src/store', 'src/util'), message: 'The Orchestrator client is a leaf: it may use the store (outbox) only (DESIGN.md §1).' }],
    // Its tests publish real packages to the emulator.
    tests: [...core, { folders: oursBut('src/orchestrator', 'src/store', 'src/util', 'src/publish', 'src/scenario'), message: 'The Orchestrator client is a leaf (DESIGN.md §1).' }],
  },
  // The emulator is a stand-alone Orchestrator (tests, demos): it packs demo processes, nothing more.
  {
    files: ['src/orchestrator/emulator/**/*.ts'],
    forbid: [...core, { folders: oursBut('src/orchestrator', 'src/store', 'src/util', 'src/publish', 'src/scenario'), message: 'The emulator is a stand-alone server: it may pack demo processes (publish, scenario), nothing else of ours.' }],
  },
  {
    files: ['src/store/**/*.ts'],
    forbid: [...core, { folders: oursBut('src/store', 'src/util'), message: 'The store is a leaf: tables and queues, nothing else of ours.' }],
  },
  {
    // The element picker drives a browser with the web blocks' own lookup, for the service.
    files: ['src/picker/**/*.ts'],
    forbid: [...core, { folders: oursBut('src/picker', 'src/activities', 'src/scenario', 'src/util'), message: 'The picker uses the web blocks and nothing else of ours: the service drives it.' }],
  },
  {
    files: ['src/robot/**/*.ts'],
    forbid: [...core, { folders: ['src/api', 'src/host', 'src/cli', 'src/static'], message: 'The robot knows no transport (DESIGN.md §1).' }],
  },
  {
    files: ['src/publish/**/*.ts'],
    forbid: [...core, { folders: ['src/api', 'src/host', 'src/cli', 'src/robot', 'src/engine', 'src/static'], message: 'Publishing packs a project and talks to the Orchestrator; it knows no transport and no runs.' }],
  },
  {
    files: ['src/api/**/*.ts'],
    forbid: [...core, { folders: ['src/host', 'src/cli', 'src/static'], message: 'The service knows no transport (DESIGN.md §1).' }],
  },
  // Helpers every Node layer shares (the retry policy, atomic file writes): a leaf below them all.
  { files: ['src/util/**/*.ts'], forbid: [...core, { folders: oursBut('src/util'), message: 'src/util is a leaf: it imports nothing else of ours.' }] },
  // What both transports serve: the renderer's static files and its security headers.
  { files: ['src/static/**/*.ts'], forbid: [...core, { folders: oursBut('src/static'), message: 'src/static is a leaf shared by both transports.' }] },
  // `cairn designer` / `cairn assistant` start the browser host: the CLI may wire it, never the reverse.
  { files: ['src/host/**/*.ts'], forbid: [...core, { folders: ['src/cli'], message: 'The host is a transport: the CLI starts it, it never imports the CLI (DESIGN.md §1).' }] },
  { files: ['src/cli/**/*.ts'], forbid: core },
  {
    files: ['main/**/*.ts'],
    forbid: [
      { folders: ['src/host', 'src/cli', 'renderer'], message: 'main/ binds the contract to IPC: it never imports the browser host, the CLI or the renderer (DESIGN.md §1).' },
      { packages: ['react', 'react-dom'], message: 'main/ is the shell; the UI is renderer/.' },
    ],
  },
  // The sandboxed preload can require electron only: anything else breaks the window at start.
  {
    files: ['main/preload.ts'],
    forbid: [
      noBuiltins('The sandboxed preload'),
      { folders: ours, except: ['src/api/channels.ts', 'src/api/wire.ts'], message: 'The preload exposes window.cairn only: channel names and wire types, nothing else.' },
      { packages: ['react', 'react-dom'], message: 'The preload exposes window.cairn only.' },
    ],
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    forbid: [
      noBuiltins('The renderer'),
      { packages: ['electron'], message: 'The renderer talks only to its bridge (DESIGN.md §1).' },
      { folders: ['main'], message: 'The renderer talks only to its bridge (DESIGN.md §1).' },
      {
        folders: oursBut('renderer', 'src/scenario'),
        except: ['src/api/contract.ts', 'src/api/wire.ts', 'src/api/errors.ts'],
        message: 'The renderer knows only the src/api contract (contract, wire, errors) and the src/scenario model; catalog metadata arrives through the API (DESIGN.md §1).',
      },
      { folders: ['src/scenario/io.ts', 'src/scenario/fuzz'], message: 'The scenario file I/O is Node-only.' },
    ],
  },
];

/** Each layer as config: production files get its rules, its tests the same plus every test kit. */
const layerConfigs = layers.flatMap(({ files, forbid, tests = forbid }) => [
  { files, ignores: testFiles, plugins: { cairn: layersPlugin }, rules: { 'cairn/layers': ['error', { forbid }] } },
  {
    files: files.flatMap((glob) => testFiles.map((test) => [glob, test])),
    plugins: { cairn: layersPlugin },
    rules: { 'cairn/layers': ['error', { forbid: tests, testKits: true }] },
  },
]);

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
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/only-throw-error': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  ...layerConfigs,
  // Plain JavaScript (bin/, scripts/, .ci/, this file): JSON and the built core arrive as `any`, and
  // typescript-eslint cannot see JSDoc casts (`/** @type {T} */ (x)`: the parentheses that carry the
  // cast are gone in its syntax tree), so the unsafe-* rules would flag every typed read. They
  // guard the TypeScript, where types are real.
  {
    files: ['**/*.js'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  // Tests: vitest types its asymmetric matchers (`expect.stringContaining(…)`, `expect.any(…)`) as
  // `any`, so asserting with them inside an object literal reads as an unsafe assignment. Every
  // other unsafe-* rule stays on in tests.
  { files: [...testFiles, 'e2e/**'], rules: { '@typescript-eslint/no-unsafe-assignment': 'off' } },
  // Start-up code imports no heavy library statically (type imports are free).
  {
    files: ['src/**/*.ts', 'main/**/*.ts'],
    ignores: notStartupCode,
    rules: { 'no-restricted-imports': ['error', { patterns: [heavyImports] }] },
  },
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
  // The renderer runs in a browser (its imports: cairn/layers above).
  { files: ['renderer/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
);
