import { memo, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isExpression } from '../../src/scenario/schema.js';
import type { Lang, ParamMeta } from '../model/types.js';
import { localized } from '../i18n/index.js';
import { useDesigner } from '../store/index.js';
import { setParam } from '../model/edits.js';
import { formatValue } from '../model/literals.js';
import { ExpressionEditor } from '../editors/lazy.js';
import { LiteralEditor } from './LiteralEditor.js';
import { SelectorField } from './SelectorField.js';

/** Kinds that are always one thing: expressions always expressions, names and code never. */
const ALWAYS_EXPRESSION = new Set(['expression']);
const NEVER_EXPRESSION = new Set(['variable', 'code']);

type Props = {
  blockId: string;
  name: string;
  spec: ParamMeta;
  value: unknown;
  lang: Lang;
  variables: string[];
  /** Values to offer in a text field (the Orchestrator's asset names for its blocks). */
  suggestions?: string[];
};

/** One parameter: its label and help, a literal/expression toggle and the matching editor. */
export const ParamField = memo(function ParamField({ blockId, name, spec, value, lang, variables, suggestions }: Props) {
  const { t } = useTranslation();
  const label = localized(spec.title, lang) || name;
  const expressionOnly = ALWAYS_EXPRESSION.has(spec.kind);
  const asExpression = expressionOnly || isExpression(value);
  const change = useCallback(
    (next: unknown) => useDesigner.getState().edit((doc) => setParam(doc, blockId, name, next), null, `param:${blockId}:${name}`),
    [blockId, name],
  );
  const toggle = () => {
    if (asExpression) {
      change(undefined);
    } else {
      // A literal becomes the equivalent expression source, so nothing typed is lost.
      const source = value === undefined ? '' : JSON.stringify(value);
      change({ expr: source });
    }
  };
  const exprText = isExpression(value) ? value.expr : typeof value === 'string' ? value : value === undefined ? '' : formatValue(value);
  return (
    <div className={`field param-${spec.kind}`} data-testid={`param-${name}`}>
      <div className="field-head">
        <label title={localized(spec.help, lang)}>
          {label}
          {spec.required && <span className="required" aria-hidden="true"> *</span>}
        </label>
        {!expressionOnly && !NEVER_EXPRESSION.has(spec.kind) && (
          <button
            type="button"
            className={asExpression ? 'toggle on' : 'toggle'}
            aria-pressed={asExpression}
            onClick={toggle}
            aria-label={t('properties.toggleExpression', { name: label })}
            title={asExpression ? t('properties.expression') : t('properties.literal')}
          >
            ƒx
          </button>
        )}
      </div>
      {asExpression ? (
        <ExpressionEditor
          value={exprText}
          onChange={(expr) => change(expressionOnly && expr.trim() === '' ? undefined : { expr })}
          label={label}
          modelPath={`${blockId}/${name}`}
        />
      ) : (
        <LiteralEditor
          name={name}
          spec={spec}
          value={value === undefined ? spec.default : value}
          onChange={change}
          label={label}
          lang={lang}
          variables={variables}
          modelPath={`${blockId}/${name}`}
          suggestions={suggestions}
        />
      )}
      {(spec.kind === 'selector' || name === 'url') && <SelectorField blockId={blockId} recordOnly={spec.kind !== 'selector'} />}
      {spec.help && <small className="help">{localized(spec.help, lang)}</small>}
    </div>
  );
});
