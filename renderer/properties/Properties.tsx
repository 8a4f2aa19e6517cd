import { memo, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../store/index.js';
import { assetSuggestions, namesAssets, useOrchestratorAssets } from '../store/orchestratorAssets.js';
import { currentLang, localized } from '../i18n/index.js';
import { ParamField } from './ParamField.js';
import { ErrorPolicy } from './ErrorPolicy.js';
import { Outputs } from './Outputs.js';
import { InvokeArguments } from './InvokeArguments.js';
import { updateBlock } from '../model/edits.js';
import type { Block } from '../model/types.js';

function BlockHeader({ block }: { block: Block }) {
  const { t } = useTranslation();
  const edit = useDesigner((s) => s.edit);
  const set = (patch: Partial<Block>, key: string) =>
    edit((doc) => updateBlock(doc, block.id, (b) => ({ ...b, ...patch })), null, `${key}:${block.id}`);
  return (
    <>
      <div className="field">
        <label>{t('properties.blockTitle')}</label>
        <input value={block.title ?? ''} onChange={(e) => set({ title: e.target.value || undefined }, 'title')} aria-label={t('properties.blockTitle')} />
      </div>
      <div className="field">
        <label>{t('properties.comment')}</label>
        <textarea value={block.comment ?? ''} rows={2} onChange={(e) => set({ comment: e.target.value || undefined }, 'comment')} aria-label={t('properties.comment')} />
      </div>
      <label className="check">
        <input type="checkbox" checked={!!block.disabled} onChange={(e) => set({ disabled: e.target.checked || undefined }, 'disabled')} />
        {t('properties.disabled')}
      </label>
    </>
  );
}

/** The selected block's properties, generated from its catalog parameters. */
export const Properties = memo(function Properties() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const selected = useDesigner((s) => s.selection.blocks);
  const block = useDesigner((s) => {
    const doc = s.active ? s.docs[s.active]?.doc : undefined;
    return s.selection.blocks.length === 1 ? doc?.blocks.find((b) => b.id === s.selection.blocks[0]) : undefined;
  });
  const variables = useDesigner((s) => (s.active ? s.docs[s.active]?.doc.variables : undefined));
  const meta = useDesigner((s) => (block ? s.catalog.get(block.type) : undefined));
  const variableNames = (variables ?? []).map((v) => v.name);
  const assets = useOrchestratorAssets((s) => s.assets);
  const blockType = block?.type ?? '';
  useEffect(() => {
    if (namesAssets(blockType)) useOrchestratorAssets.getState().load();
  }, [blockType]);
  if (!block) {
    return (
      <section className="properties panel" aria-label={t('properties.title')}>
        <h2>{t('properties.title')}</h2>
        <p className="muted">{selected.length > 1 ? t('properties.many', { count: selected.length }) : t('properties.none')}</p>
      </section>
    );
  }
  const params = Object.entries(meta?.params ?? {});
  // core.invoke's in/out mappings get a form built from the sub-scenario's declared arguments.
  const invoke = block.type === 'core.invoke';
  const mapping = (name: string) => invoke && (name === 'in' || name === 'out');
  const basic = params.filter(([name, spec]) => !spec.advanced && !mapping(name));
  const advanced = params.filter(([, spec]) => spec.advanced);
  const field = ([name, spec]: (typeof params)[number]) => (
    <ParamField
      key={`${block.id}:${name}`}
      blockId={block.id}
      name={name}
      spec={spec}
      value={block.params?.[name]}
      lang={lang}
      variables={variableNames}
      suggestions={assetSuggestions(block.type, name, assets)}
    />
  );
  return (
    <section className="properties panel" aria-label={t('properties.title')} data-testid="properties">
      <h2>{localized(meta?.title, lang) || block.type}</h2>
      {meta && <p className="help">{localized(meta.help, lang)}</p>}
      <dl className="ids">
        <dt>{t('properties.id')}</dt>
        <dd>
          <code>{block.id}</code>
        </dd>
        <dt>{t('properties.type')}</dt>
        <dd>
          <code>{block.type}</code>
        </dd>
      </dl>
      {basic.map(field)}
      {invoke && <InvokeArguments block={block} variables={variableNames} raw={() => params.filter(([name]) => mapping(name)).map(field)} />}
      {advanced.length > 0 && (
        <details>
          <summary>{t('properties.more')}</summary>
          {advanced.map(field)}
        </details>
      )}
      {meta?.outputs && <Outputs block={block} outputs={meta.outputs} variables={variableNames} lang={lang} />}
      <ErrorPolicy block={block} variables={variableNames} />
      <BlockHeader block={block} />
    </section>
  );
});
