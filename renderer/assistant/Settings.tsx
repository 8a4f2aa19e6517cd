import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../bridge/bridge.js';
import { reportError } from '../actions/notify.js';
import { notifySaved } from './actions.js';
import { isUsableHotkey } from './hotkeys.js';
import { useAssistant, type AssistantOptions } from './store.js';
import { ConnectionForm } from './ConnectionForm.js';

function OptionsForm() {
  const { t } = useTranslation();
  const stored = useAssistant((s) => s.options);
  const [options, setOptions] = useState<AssistantOptions | null>(stored);
  useEffect(() => setOptions(stored), [stored]);
  if (!options) return null;
  const set = (patch: Partial<AssistantOptions>) => setOptions({ ...options, ...patch });
  const hotkeyValid = !options.stopHotkey || isUsableHotkey(options.stopHotkey);
  const save = async () => {
    const saved = await bridge.call('assistant.setOptions', options).catch(reportError);
    if (saved) {
      useAssistant.getState().setOptions(saved);
      notifySaved();
    }
  };
  return (
    <form
      className="as-settings-block"
      aria-label={t('assistant.settings.options')}
      onSubmit={(e) => {
        e.preventDefault();
        if (hotkeyValid) void save();
      }}
    >
      <h2>{t('assistant.settings.options')}</h2>
      <label>
        {t('assistant.settings.retentionDays')}
        <input type="number" min={0} value={options.retentionDays} onChange={(e) => set({ retentionDays: Math.max(0, Math.floor(Number(e.target.value) || 0)) })} />
      </label>
      <label>
        {t('assistant.settings.retentionCount')}
        <input type="number" min={0} value={options.retentionCount} onChange={(e) => set({ retentionCount: Math.max(0, Math.floor(Number(e.target.value) || 0)) })} />
      </label>
      <label className="as-check">
        <input type="checkbox" checked={options.createJobRecord} onChange={(e) => set({ createJobRecord: e.target.checked })} />
        {t('assistant.settings.createJobRecord')}
      </label>
      <label className="as-check">
        <input type="checkbox" checked={options.screenshotOnCrash} onChange={(e) => set({ screenshotOnCrash: e.target.checked })} />
        {t('assistant.settings.screenshotOnCrash')}
      </label>
      <label>
        {t('assistant.settings.stopHotkey')}
        <input value={options.stopHotkey ?? ''} onChange={(e) => set({ stopHotkey: e.target.value || null })} aria-invalid={!hotkeyValid} />
      </label>
      {bridge.mode === 'browser' && <p className="muted small">{t('assistant.settings.hotkeysBrowser')}</p>}
      <div className="buttons left">
        <button type="submit" className="primary" disabled={!hotkeyValid}>
          {t('assistant.settings.saveOptions')}
        </button>
      </div>
    </form>
  );
}

export function Settings() {
  const { t } = useTranslation();
  return (
    <section className="as-page as-settings" aria-label={t('assistant.nav.settings')}>
      <ConnectionForm />
      <OptionsForm />
    </section>
  );
}
