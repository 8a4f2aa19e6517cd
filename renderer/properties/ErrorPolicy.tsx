import { useTranslation } from 'react-i18next';
import { useDesigner } from '../store/index.js';
import { updateBlock } from '../model/edits.js';
import type { Block } from '../model/types.js';

/** Error policy (fail / ignore / handle via the error port) and retry before it applies. */
export function ErrorPolicy({ block, variables }: { block: Block; variables: string[] }) {
  const { t } = useTranslation();
  const set = (patch: Partial<Block>, key?: string) =>
    useDesigner.getState().edit((doc) => updateBlock(doc, block.id, (b) => ({ ...b, ...patch })), null, key && `${key}:${block.id}`);
  const policy = block.onError ?? 'default';
  const retry = block.retry;
  const setRetry = (times: number, delayMs: number) => set({ retry: times > 0 ? { times, delayMs } : undefined }, 'retry');
  return (
    <fieldset className="error-policy">
      <legend>{t('properties.errors')}</legend>
      <div className="field">
        <label>{t('properties.policy')}</label>
        <select
          value={policy}
          onChange={(e) => {
            const onError = e.target.value as NonNullable<Block['onError']>;
            set({ onError: onError === 'default' ? undefined : onError, ...(onError !== 'handle' ? { errorVariable: undefined } : {}) });
          }}
          aria-label={t('properties.policy')}
        >
          <option value="default">{t('properties.policyDefault')}</option>
          <option value="ignore">{t('properties.policyIgnore')}</option>
          <option value="handle">{t('properties.policyHandle')}</option>
        </select>
      </div>
      {policy === 'handle' && (
        <div className="field">
          <label>{t('properties.errorVariable')}</label>
          <select value={block.errorVariable ?? ''} onChange={(e) => set({ errorVariable: e.target.value || undefined })} aria-label={t('properties.errorVariable')}>
            <option value="">{t('properties.noVariable')}</option>
            {variables.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </div>
      )}
      <div className="row">
        <label className="field">
          {t('properties.retryTimes')}
          <input type="number" min={0} max={1000} value={retry?.times ?? 0} onChange={(e) => setRetry(Number(e.target.value) || 0, retry?.delayMs ?? 0)} aria-label={t('properties.retryTimes')} />
        </label>
        <label className="field">
          {t('properties.retryDelay')}
          <input
            type="number"
            min={0}
            value={retry?.delayMs ?? 0}
            disabled={!retry}
            onChange={(e) => setRetry(retry?.times ?? 0, Number(e.target.value) || 0)}
            aria-label={t('properties.retryDelay')}
          />
        </label>
      </div>
    </fieldset>
  );
}
