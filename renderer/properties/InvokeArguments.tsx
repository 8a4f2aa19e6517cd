import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isExpression } from '../../src/scenario/schema.js';
import { bridge } from '../bridge/bridge.js';
import { useDesigner } from '../store/index.js';
import { setParam } from '../model/edits.js';
import { argumentText, declaredArguments, undeclared, withInput, withOutput, type DeclaredArguments } from '../model/invokeArguments.js';
import type { Block } from '../model/types.js';

/** Where the invoked scenario's file is, when the block names it literally inside the open project. */
function targetPath(block: Block): string | undefined {
  const { project } = useDesigner.getState();
  const rel = block.params?.scenario;
  if (!project || typeof rel !== 'string' || rel.trim() === '' || isExpression(rel)) return undefined;
  const normalized = rel.trim().replace(/\\/g, '/').replace(/^\.\//, '');
  return project.scenarios.find((s) => s.relPath === normalized)?.path ?? `${project.dir}/${normalized}`;
}

/**
 * The arguments of a `core.invoke` block as a form: one expression field per input argument the
 * sub-scenario declares (in/inout), one variable per output argument (out/inout). The declared
 * arguments come from the scenario itself (its open tab, else `scenario.read`). When the target
 * is unknown — an expression, a missing file — the raw JSON fields are shown instead.
 */
export function InvokeArguments({ block, variables, raw }: { block: Block; variables: string[]; raw: () => ReactNode }) {
  const { t } = useTranslation();
  useDesigner((s) => s.project); // the target's path depends on the open project
  const path = targetPath(block);
  const openDoc = useDesigner((s) => (path ? s.docs[path]?.doc : undefined));
  const [declared, setDeclared] = useState<{ path: string; args: DeclaredArguments | null } | null>(null);
  useEffect(() => {
    if (!path || openDoc) return;
    let current = true;
    bridge.call('scenario.read', { path }).then(
      (read) => current && setDeclared({ path, args: declaredArguments(read.doc) }),
      () => current && setDeclared({ path, args: null }),
    );
    return () => {
      current = false;
    };
  }, [path, openDoc]);
  const args = openDoc ? declaredArguments(openDoc) : declared && declared.path === path ? declared.args : undefined;
  if (!path || args === null) return <>{raw()}</>;
  if (args === undefined) return <p className="muted">…</p>;

  const edit = (name: 'in' | 'out', next: unknown, key: string) =>
    useDesigner.getState().edit((doc) => setParam(doc, block.id, name, next), null, `invoke:${block.id}:${key}`);
  const inputs = block.params?.in;
  const outputs = block.params?.out;
  const stale = [...undeclared(inputs, args.inputs), ...undeclared(outputs, args.outputs)];
  const typeName = (type: string) => t(`varTypes.${type}`, { defaultValue: type });
  return (
    <div className="invoke-args" data-testid="invoke-arguments">
      <fieldset>
        <legend>{t('invoke.inputs')}</legend>
        {args.inputs.length === 0 && <p className="muted">{t('invoke.noInputs')}</p>}
        {args.inputs.map((arg) => {
          const value = isRecord(inputs) ? inputs[arg.name] : undefined;
          const label = t('invoke.inputOf', { name: arg.name });
          return (
            <label key={arg.name} className="invoke-arg">
              <span>
                <code>{arg.name}</code> <small className="muted">{typeName(arg.type)}</small>
              </span>
              <input
                className="expr-input"
                value={argumentText(value)}
                placeholder={arg.default !== undefined ? t('invoke.defaultIs', { value: JSON.stringify(arg.default) }) : t('invoke.expression')}
                onChange={(e) => edit('in', withInput(inputs, arg.name, e.target.value), `in:${arg.name}`)}
                aria-label={label}
                spellCheck={false}
              />
            </label>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>{t('invoke.outputs')}</legend>
        {args.outputs.length === 0 && <p className="muted">{t('invoke.noOutputs')}</p>}
        {args.outputs.map((arg) => {
          const variable = isRecord(outputs) && typeof outputs[arg.name] === 'string' ? (outputs[arg.name] as string) : '';
          return (
            <label key={arg.name} className="invoke-arg">
              <span>
                <code>{arg.name}</code> <small className="muted">{typeName(arg.type)}</small> →
              </span>
              <select value={variable} onChange={(e) => edit('out', withOutput(outputs, arg.name, e.target.value), `out:${arg.name}`)} aria-label={t('invoke.outputOf', { name: arg.name })}>
                <option value="">{t('properties.noVariable')}</option>
                {[...new Set([...variables, ...(variable ? [variable] : [])])].map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
      </fieldset>
      {stale.length > 0 && <p className="warning">{t('invoke.undeclared', { names: stale.join(', ') })}</p>}
    </div>
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isExpression(value);
}
