import { memo } from 'react';
import { Editor } from '@monaco-editor/react';
import { useDesigner } from '../store/index.js';
import './monacoSetup.js';

/** The full Monaco editor for `code` parameters (JavaScript, Python, SQL …). */
export const CodeEditor = memo(function CodeEditor({
  value,
  onChange,
  language,
  label,
  modelPath,
}: {
  value: string;
  onChange(value: string): void;
  language: string;
  label: string;
  modelPath: string;
}) {
  const theme = useDesigner((s) => s.theme);
  const ext = language === 'python' ? 'py' : language === 'javascript' ? 'js' : 'txt';
  return (
    <div className="code-editor">
      <Editor
        value={value}
        language={language}
        path={`inmemory://cairn/code/${modelPath}.${ext}`}
        theme={theme === 'dark' ? 'vs-dark' : 'vs'}
        options={{ minimap: { enabled: false }, wordWrap: 'on', fontSize: 13, automaticLayout: true, scrollBeyondLastLine: false, tabSize: 2, ariaLabel: label, fixedOverflowWidgets: true }}
        onChange={(v) => onChange(v ?? '')}
      />
    </div>
  );
});
