import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReactFlow } from '@xyflow/react';
import { useDesigner } from '../store/index.js';
import { isDirty } from '../store/documents.js';
import { save, saveAll } from '../actions/files.js';
import { abortRun, debugCommand, startRun, stopRun } from '../actions/run.js';
import { layoutActive } from '../actions/editing.js';
import { currentLang, localized } from '../i18n/index.js';
import { setLanguage, setTheme } from './preferences.js';
import type { ProjectDialogKind } from '../dialogs/ProjectDialog.js';

type Props = { onProjectDialog(kind: ProjectDialogKind): void };

function Button({ label, onClick, disabled, icon = '', testId }: { label: string; onClick(): void; disabled?: boolean; icon?: string; testId?: string }) {
  return (
    <button type="button" onClick={onClick} disabled={disabled} aria-label={label} title={label} data-testid={testId}>
      <span aria-hidden="true" className="tb-icon">
        {icon}
      </span>
      {!icon && <span className="tb-label">{label}</span>}
    </button>
  );
}

/** Find a block in the active scenario by id, title or type, and reveal it. */
function FindBlock() {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const find = () => {
    const s = useDesigner.getState();
    const doc = s.active ? s.docs[s.active]?.doc : undefined;
    const q = query.trim().toLowerCase();
    if (!doc || !q) return;
    const lang = currentLang(i18n.language);
    const hit = doc.blocks.find((b) =>
      [b.id, b.title ?? '', b.type, localized(s.catalog.get(b.type)?.title, lang)].some((x) => x.toLowerCase().includes(q)),
    );
    if (hit) s.revealBlock(hit.id);
  };
  return (
    <form
      className="find"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        find();
      }}
    >
      <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('toolbar.findBlock')} aria-label={t('toolbar.findBlock')} />
    </form>
  );
}

export const Toolbar = memo(function Toolbar({ onProjectDialog }: Props) {
  const { t, i18n } = useTranslation();
  const flow = useReactFlow();
  const active = useDesigner((s) => s.active);
  const dirty = useDesigner((s) => isDirty(s.active ? s.docs[s.active] : undefined));
  const anyDirty = useDesigner((s) => Object.values(s.docs).some(isDirty));
  const canUndo = useDesigner((s) => !!s.active && (s.docs[s.active]?.undo.length ?? 0) > 0);
  const canRedo = useDesigner((s) => !!s.active && (s.docs[s.active]?.redo.length ?? 0) > 0);
  const status = useDesigner((s) => s.run.status);
  const theme = useDesigner((s) => s.theme);
  const busy = status === 'starting' || status === 'running' || status === 'paused';
  const lang = currentLang(i18n.language);
  const hasProject = useDesigner((s) => s.project !== null);
  return (
    <header className="toolbar nokey" role="toolbar" aria-label="Cairn">
      <strong className="brand">Cairn</strong>
      <Button label={t('toolbar.newProject')} onClick={() => onProjectDialog('new')} />
      <Button label={t('toolbar.openProject')} onClick={() => onProjectDialog('open')} />
      <Button label={t('toolbar.save')} onClick={() => void save()} disabled={!dirty} />
      <Button label={t('toolbar.saveAll')} onClick={() => void saveAll()} disabled={!anyDirty} />
      <span className="sep" />
      <Button icon="↶" label={t('toolbar.undo')} onClick={() => useDesigner.getState().undo()} disabled={!canUndo} />
      <Button icon="↷" label={t('toolbar.redo')} onClick={() => useDesigner.getState().redo()} disabled={!canRedo} />
      <Button icon="⇅" label={t('toolbar.layout')} onClick={layoutActive} disabled={!active} />
      <Button icon="⤢" label={t('toolbar.fit')} onClick={() => void flow.fitView({ maxZoom: 1 })} disabled={!active} />
      <span className="sep" />
      <Button label={t('toolbar.run')} onClick={() => void startRun('run')} disabled={!active || busy} testId="run" />
      <Button label={t('toolbar.debug')} onClick={() => void startRun('debug')} disabled={!active || busy} />
      <Button label={t('toolbar.stop')} onClick={stopRun} disabled={!busy} />
      <Button label={t('toolbar.abort')} onClick={abortRun} disabled={!busy} />
      {status === 'paused' && (
        <>
          <Button label={t('toolbar.continue')} onClick={() => debugCommand({ type: 'continue' })} />
          <Button label={t('toolbar.stepOver')} onClick={() => debugCommand({ type: 'stepOver' })} />
          <Button label={t('toolbar.stepInto')} onClick={() => debugCommand({ type: 'stepInto' })} />
          <Button label={t('toolbar.stepOut')} onClick={() => debugCommand({ type: 'stepOut' })} />
        </>
      )}
      <span className="sep" />
      <Button label={t('publish.open')} onClick={() => useDesigner.getState().setAppDialog('publish')} disabled={!hasProject || busy} />
      <Button icon="⚙" label={t('orchestrator.open')} onClick={() => useDesigner.getState().setAppDialog('orchestrator')} />
      <span className="grow" />
      <FindBlock />
      <select value={lang} onChange={(e) => void setLanguage(e.target.value === 'ru' ? 'ru' : 'en')} aria-label={t('toolbar.language')}>
        <option value="en">English</option>
        <option value="ru">Русский</option>
      </select>
      <button
        type="button"
        onClick={() => void setTheme(theme === 'dark' ? 'light' : 'dark')}
        aria-label={t('toolbar.theme')}
        title={t('toolbar.theme')}
        aria-pressed={theme === 'dark'}
      >
        {theme === 'dark' ? '☀' : '☾'}
      </button>
    </header>
  );
});
