import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../bridge/bridge.js';
import { reportError } from '../actions/notify.js';
import { FolderBrowser } from '../dialogs/FolderBrowser.js';
import { DialogButtons, Modal } from '../dialogs/Modal.js';
import { openRunForm } from './actions.js';
import { formatAgo } from './format.js';
import { isUsableHotkey } from './hotkeys.js';
import { useAssistant, type ProcessCard } from './store.js';

function AddProcessDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const add = async () => {
    const added = await bridge.call('assistant.addProcess', { path }).catch(reportError);
    if (added) onClose();
  };
  return (
    <Modal title={t('assistant.processes.addTitle')} onCancel={onClose} wide>
      <p className="muted">{t('assistant.processes.addHint')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label>
          {t('assistant.processes.path')}
          <input value={path} onChange={(e) => setPath(e.target.value)} />
        </label>
        <FolderBrowser extensions={['cairn']} onDir={(dir, initial) => !initial && setPath(dir)} onPickFile={setPath} />
        <DialogButtons primary={t('assistant.processes.addThis')} disabled={!path.trim()} onCancel={onClose} />
      </form>
    </Modal>
  );
}

function ProcessSettingsDialog({ process, onClose }: { process: ProcessCard; onClose(): void }) {
  const { t } = useTranslation();
  const [hotkey, setHotkey] = useState(process.hotkey ?? '');
  const [autostart, setAutostart] = useState(process.autostart);
  const hotkeyValid = hotkey.trim() === '' || isUsableHotkey(hotkey);
  const save = async () => {
    const saved = await bridge
      .call('assistant.updateProcess', { id: process.id, hotkey: hotkey.trim() || null, autostart })
      .catch(reportError);
    if (saved) onClose();
  };
  const remove = async () => {
    const removed = await bridge.call('assistant.removeProcess', { id: process.id }).catch(reportError);
    if (removed) onClose();
  };
  return (
    <Modal title={t('assistant.processes.settingsOf', { name: process.name })} onCancel={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (hotkeyValid) void save();
        }}
      >
        <label>
          {t('assistant.processes.hotkey')}
          <input value={hotkey} onChange={(e) => setHotkey(e.target.value)} placeholder="Ctrl+Alt+1" aria-invalid={!hotkeyValid} />
          <span className="muted small">{t('assistant.processes.hotkeyHint')}</span>
        </label>
        <label className="as-check">
          <input type="checkbox" checked={autostart} onChange={(e) => setAutostart(e.target.checked)} />
          {t('assistant.processes.autostart')}
        </label>
        <div className="buttons">
          {process.kind !== 'orchestrator' && (
            <button type="button" className="danger" onClick={() => void remove()}>
              {t('assistant.processes.remove')}
            </button>
          )}
          <span className="grow" />
          <button type="submit" className="primary" disabled={!hotkeyValid}>
            {t('assistant.processes.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('assistant.processes.close')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function Card({ process, busy, onSettings }: { process: ProcessCard; busy: boolean; onSettings(): void }) {
  const { t } = useTranslation();
  const last = process.lastRun;
  const toggleFavourite = () =>
    void bridge.call('assistant.updateProcess', { id: process.id, favourite: !process.favourite }).catch(reportError);
  return (
    <li className="as-card" data-testid={`process-${process.name}`} aria-label={process.name}>
      <div className="as-card-head">
        <button
          type="button"
          className={`as-star${process.favourite ? ' on' : ''}`}
          aria-pressed={process.favourite}
          aria-label={process.favourite ? t('assistant.processes.unfavourite') : t('assistant.processes.favourite')}
          onClick={toggleFavourite}
        >
          {process.favourite ? '★' : '☆'}
        </button>
        <h3>{process.name}</h3>
        <span className={`as-kind as-kind-${process.kind}`}>{t(`assistant.processes.kind.${process.kind}`)}</span>
      </div>
      {process.description && <p className="as-desc">{process.description}</p>}
      <p className="muted as-meta">
        {process.versionName && <span>{t('assistant.processes.version', { version: process.versionName })} · </span>}
        <span data-testid="last-run">
          {last
            ? t('assistant.processes.lastRun', {
                result: last.result ? t(`assistant.run.result.${last.result}`) : t('assistant.history.running'),
                when: formatAgo(last.finishedAt ?? last.startedAt),
              })
            : t('assistant.processes.neverRun')}
        </span>
        {process.hotkey && <kbd className="as-kbd">{process.hotkey}</kbd>}
      </p>
      <div className="as-card-actions">
        <button type="button" className="primary big" onClick={() => void openRunForm(process.id)} disabled={busy} aria-label={t('assistant.processes.runName', { name: process.name })}>
          ▶ {t('assistant.processes.run')}
        </button>
        <button type="button" className="icon" onClick={onSettings} aria-label={t('assistant.processes.settingsOf', { name: process.name })} title={t('assistant.processes.settings')}>
          ⚙
        </button>
      </div>
    </li>
  );
}

/** The process list: search, Add…, one card per process (favourites first). */
export function ProcessList() {
  const { t } = useTranslation();
  const processes = useAssistant((s) => s.processes);
  const busy = useAssistant((s) => s.live !== null && s.live.state !== 'finished');
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const [settingsOf, setSettingsOf] = useState<string | null>(null);
  const q = query.trim().toLowerCase();
  const shown = processes.filter((p) => !q || p.name.toLowerCase().includes(q) || p.description.toLowerCase().includes(q));
  const editing = processes.find((p) => p.id === settingsOf);
  return (
    <section className="as-page" aria-label={t('assistant.nav.processes')}>
      <div className="as-toolbar">
        <input type="search" className="as-search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('assistant.processes.search')} aria-label={t('assistant.processes.search')} />
        <button type="button" className="big" onClick={() => setAdding(true)}>
          + {t('assistant.processes.add')}
        </button>
      </div>
      {processes.length === 0 ? (
        <p className="as-empty" data-testid="empty-processes">
          {t('assistant.processes.empty')}
        </p>
      ) : shown.length === 0 ? (
        <p className="as-empty">{t('assistant.processes.noMatch', { query })}</p>
      ) : (
        <ul className="as-cards" aria-label={t('assistant.nav.processes')}>
          {shown.map((p) => (
            <Card key={p.id} process={p} busy={busy} onSettings={() => setSettingsOf(p.id)} />
          ))}
        </ul>
      )}
      {adding && <AddProcessDialog onClose={() => setAdding(false)} />}
      {editing && <ProcessSettingsDialog process={editing} onClose={() => setSettingsOf(null)} />}
    </section>
  );
}
