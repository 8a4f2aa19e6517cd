import { useTranslation } from 'react-i18next';
import { useDesigner } from '../store/index.js';
import { setOutput } from '../model/edits.js';
import { localized } from '../i18n/index.js';
import type { Block, BlockMeta, Lang } from '../model/types.js';

/** Maps each block output to a scenario variable. */
export function Outputs({ block, outputs, variables, lang }: { block: Block; outputs: NonNullable<BlockMeta['outputs']>; variables: string[]; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <fieldset className="outputs">
      <legend>{t('properties.outputs')}</legend>
      {Object.entries(outputs).map(([name, spec]) => {
        const label = t('properties.outputTo', { name: localized(spec.title, lang) || name });
        const current = block.outputs?.[name] ?? '';
        return (
          <div className="field" key={name}>
            <label>
              {localized(spec.title, lang) || name} <small className="muted">({spec.type})</small>
            </label>
            <select
              value={current}
              onChange={(e) => useDesigner.getState().edit((doc) => setOutput(doc, block.id, name, e.target.value))}
              aria-label={label}
            >
              <option value="">{t('properties.noVariable')}</option>
              {variables.map((v) => (
                <option key={v}>{v}</option>
              ))}
              {current && !variables.includes(current) && <option>{current}</option>}
            </select>
          </div>
        );
      })}
    </fieldset>
  );
}
