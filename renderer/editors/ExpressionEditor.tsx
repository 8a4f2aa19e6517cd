import { memo, useState } from 'react';
import { Editor, type OnMount } from '@monaco-editor/react';
import { useDesigner } from '../store/index.js';
import './monacoSetup.js';

const MAX_HEIGHT = 120;

const options = {
  lineNumbers: 'off',
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  wordWrap: 'on',
  folding: false,
  glyphMargin: false,
  lineDecorationsWidth: 4,
  lineNumbersMinChars: 0,
  overviewRulerLanes: 0,
  renderLineHighlight: 'none',
  scrollbar: { vertical: 'hidden', horizontal: 'hidden', alwaysConsumeMouseWheel: false },
  fixedOverflowWidgets: true,
  fontSize: 13,
  automaticLayout: true,
  tabSize: 2,
  quickSuggestions: true,
  suggestOnTriggerCharacters: true,
} as const;

/**
 * A small JavaScript editor for one expression: completion of the scenario's variables and JS
 * built-ins, syntax errors underlined. It grows with its content up to a few lines.
 */
export const ExpressionEditor = memo(function ExpressionEditor({
  value,
  onChange,
  label,
  modelPath,
}: {
  value: string;
  onChange(value: string): void;
  label: string;
  modelPath: string;
}) {
  const theme = useDesigner((s) => s.theme);
  const [height, setHeight] = useState(24);
  const onMount: OnMount = (editor) => {
    const resize = () => setHeight(Math.min(Math.max(editor.getContentHeight(), 24), MAX_HEIGHT));
    editor.onDidContentSizeChange(resize);
    resize();
  };
  return (
    <div className="expr-editor" style={{ height }} data-testid={`expr-${modelPath}`}>
      <Editor
        value={value}
        language="javascript"
        path={`inmemory://cairn/expr/${modelPath}.js`}
        theme={theme === 'dark' ? 'vs-dark' : 'vs'}
        options={{ ...options, ariaLabel: label }}
        onChange={(v) => onChange(v ?? '')}
        onMount={onMount}
      />
    </div>
  );
});
