import { lazy, Suspense, type ComponentProps } from 'react';

/**
 * Monaco is a few megabytes: it loads with the first editor the user opens, not with the app,
 * so the Designer shows a scenario before the editor code has even been fetched.
 */
const ExpressionEditorChunk = lazy(() => import('./ExpressionEditor.js').then((m) => ({ default: m.ExpressionEditor })));
const CodeEditorChunk = lazy(() => import('./CodeEditor.js').then((m) => ({ default: m.CodeEditor })));

type ExpressionProps = ComponentProps<typeof ExpressionEditorChunk>;
type CodeProps = ComponentProps<typeof CodeEditorChunk>;

export function ExpressionEditor(props: ExpressionProps) {
  return (
    <Suspense fallback={<div className="expr-editor loading" aria-busy="true" />}>
      <ExpressionEditorChunk {...props} />
    </Suspense>
  );
}

export function CodeEditor(props: CodeProps) {
  return (
    <Suspense fallback={<div className="code-editor loading" aria-busy="true" />}>
      <CodeEditorChunk {...props} />
    </Suspense>
  );
}
