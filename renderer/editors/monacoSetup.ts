import * as monaco from 'monaco-editor';
import { loader } from '@monaco-editor/react';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
import type { Variable } from '../../src/scenario/schema.js';
import { useDesigner, selectActive } from '../store/index.js';

/**
 * Monaco is bundled, never fetched from a CDN: the CSP forbids remote code and Cairn runs
 * offline. The TypeScript worker powers JavaScript completion (built-ins, and the scenario's
 * variables declared through an extra lib).
 */
self.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker();
  },
};
loader.config({ monaco });

const js = monaco.typescript.javascriptDefaults;
// Expressions are fragments over variables; the syntax check stays, type errors would be noise.
js.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: false });
js.setCompilerOptions({
  target: monaco.typescript.ScriptTarget.ES2020,
  allowNonTsExtensions: true,
  allowJs: true,
  // No DOM: scenario code runs in the engine, where `document` and `window` do not exist.
  lib: ['es2020'],
});

const tsTypes: Record<string, string> = {
  text: 'string',
  secret: 'string',
  number: 'number',
  boolean: 'boolean',
  datetime: 'Date',
  list: 'any[]',
  dictionary: 'Record<string, any>',
  table: '{ kind: "table"; columns: string[]; rows: Record<string, any>[] }',
  any: 'any',
};

let lastDeclarations: string | undefined;

/** Declares the active scenario's variables to the JavaScript service, for completion and hover. */
function declareVariables(variables: readonly Variable[]): void {
  const text = variables.map((v) => `/** ${v.type}${v.direction ? `, ${v.direction}` : ''} */\ndeclare let ${v.name}: ${tsTypes[v.type] ?? 'any'};`).join('\n');
  if (text === lastDeclarations) return;
  lastDeclarations = text;
  js.setExtraLibs([{ content: text, filePath: 'file:///cairn-variables.d.ts' }]);
}

// This module loads with the first editor (a lazy chunk); from then on it follows the store.
declareVariables(selectActive(useDesigner.getState())?.doc.variables ?? []);
useDesigner.subscribe((state) => declareVariables(selectActive(state)?.doc.variables ?? []));
