import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParamMeta, Lang } from '../model/types.js';
import { localized } from '../i18n/index.js';
import { formatValue } from '../model/literals.js';
import { CodeEditor } from '../editors/lazy.js';
import { PathField } from './PathField.js';
import { AssignmentsEditor, isAssignmentList, type Assignment } from './AssignmentsEditor.js';

type Props = {
  name: string;
  spec: ParamMeta;
  value: unknown;
  onChange(value: unknown): void;
  label: string;
  lang: Lang;
  variables: string[];
  modelPath: string;
  suggestions?: string[];
};

/** JSON-valued kinds are edited as JSON text; invalid text is kept locally and flagged, never saved. */
function JsonField({ value, onChange, label, placeholder }: { value: unknown; onChange(v: unknown): void; label: string; placeholder?: string }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? (value === undefined ? '' : JSON.stringify(value, null, 2));
  let invalid = false;
  if (draft !== null && draft.trim() !== '') {
    try {
      JSON.parse(draft);
    } catch {
      invalid = true;
    }
  }
  return (
    <>
      <textarea
        value={text}
        rows={3}
        aria-label={label}
        aria-invalid={invalid}
        placeholder={placeholder}
        spellCheck={false}
        onChange={(e) => {
          setDraft(e.target.value);
          if (e.target.value.trim() === '') return onChange(undefined);
          try {
            onChange(JSON.parse(e.target.value));
          } catch {
            /* kept as a draft until it parses */
          }
        }}
        onBlur={() => !invalid && setDraft(null)}
      />
      {invalid && <span className="field-error">{t('properties.invalidJson')}</span>}
    </>
  );
}

function SecretField({ value, onChange, label }: { value: string; onChange(v: string): void; label: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <span className="row">
      <input type={shown ? 'text' : 'password'} value={value} onChange={(e) => onChange(e.target.value)} aria-label={label} autoComplete="off" />
      <button type="button" className="icon" onClick={() => setShown(!shown)} aria-label={shown ? t('properties.hide') : t('properties.show')}>
        {shown ? '🙈' : '👁'}
      </button>
    </span>
  );
}

/** The typed editor of a literal parameter value, by the parameter's kind. */
export function LiteralEditor({ name, spec, value, onChange, label, lang, variables, modelPath, suggestions }: Props) {
  const { t } = useTranslation();
  const text = value === undefined ? '' : formatValue(value);
  switch (spec.kind) {
    case 'multiline':
      return <textarea value={text} rows={3} onChange={(e) => onChange(e.target.value)} aria-label={label} placeholder={spec.placeholder} />;
    case 'number':
      return (
        <input
          type="number"
          value={typeof value === 'number' ? value : text}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
          aria-label={label}
        />
      );
    case 'boolean':
      return <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} aria-label={label} />;
    case 'choice':
      return (
        <select value={text} onChange={(e) => onChange(e.target.value || undefined)} aria-label={label}>
          {!spec.required && <option value="" />}
          {(spec.choices ?? []).map((c) => (
            <option key={c.value} value={c.value}>
              {localized(c.title, lang)}
            </option>
          ))}
        </select>
      );
    case 'variable':
      return (
        <select value={text} onChange={(e) => onChange(e.target.value || undefined)} aria-label={label}>
          <option value="">{t('properties.noVariable')}</option>
          {variables.map((v) => (
            <option key={v}>{v}</option>
          ))}
          {text && !variables.includes(text) && <option>{text}</option>}
        </select>
      );
    case 'code':
      return <CodeEditor value={text} onChange={onChange} language={spec.language ?? 'javascript'} label={label} modelPath={modelPath} />;
    case 'secret':
      return <SecretField value={text} onChange={onChange} label={label} />;
    case 'filePath':
    case 'folderPath':
      return <PathField value={text} onChange={onChange} label={label} folder={spec.kind === 'folderPath'} {...(spec.filters ? { filters: spec.filters } : {})} />;
    case 'list':
      if (isAssignmentList(name, value)) {
        return <AssignmentsEditor value={value} onChange={(v: Assignment[] | undefined) => onChange(v)} label={label} variables={variables} modelPath={modelPath} />;
      }
      return <JsonField value={value} onChange={onChange} label={label} placeholder={spec.placeholder} />;
    case 'json':
    case 'dictionary':
    case 'table':
      return <JsonField value={value} onChange={onChange} label={label} placeholder={spec.placeholder} />;
    default:
      // text, selector and `any`: what is typed is kept as text (use ƒx for other values).
      if (suggestions && suggestions.length > 0) {
        const listId = `suggest-${modelPath}`;
        return (
          <>
            <input value={text} onChange={(e) => onChange(e.target.value)} aria-label={label} placeholder={spec.placeholder} list={listId} />
            <datalist id={listId} data-testid={listId}>
              {suggestions.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          </>
        );
      }
      return <input value={text} onChange={(e) => onChange(e.target.value)} aria-label={label} placeholder={spec.placeholder} />;
  }
}
