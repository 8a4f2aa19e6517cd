import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReactFlow } from '@xyflow/react';
import { useDesigner } from '../store/index.js';
import { isDirty } from '../store/documents.js';
import { save, saveAll } from '../actions/files.js';
import {
  FilePlus2, FolderOpen, Save, SaveAll, Undo2, Redo2, Network, Maximize, Play, Bug, SkipForward, Pause, Square, OctagonX,
  StepForward, ArrowDownToLine, ArrowUpFromLine, Upload, Settings, Sun, Moon, type LucideIcon,
} from 'lucide-react';
import { abortRun, debugCommand, debugFromSelected, pauseRun, runOrContinue, startRun, stopRun } from '../actions/run.js';
import { hotkeyLabel, type HotkeyAction } from './hotkeys.js';
import { layoutActive } from '../actions/editing.js';
import { currentLang, localized } from '../i18n/index.js';
import { setLanguage, setTheme } from './preferences.js';
import type { ProjectDialogKind } from '../dialogs/ProjectDialog.js';

type Props = { onProjectDialog(kind: ProjectDialogKind): void };

type ButtonProps = { label: string; onClick(): void; disabled?: boolean; icon: LucideIcon; testId?: string; hotkey?: HotkeyAction; text?: boolean; tone?: string };

/** An icon button; its tooltip names the key (the accessible name stays the plain label). */
function Button({ label, onClick, disabled, icon: Icon, testId, hotkey, text, tone }: ButtonProps) {
  const tip = hotkey ? `${label} (${hotkeyLabel(hotkey)})` : label;
  return (
    <button type="button" onClick={onClick} disabled={disabled} aria-label={label} title={tip} data-testid={testId} className={tone ? `tb tb-${tone}` : 'tb'}>
      <Icon aria-hidden="true" className="tb-icon" size={16} strokeWidth={2} />
      {text && <span className="tb-label">{label}</span>}
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
  const hasSelection = useDesigner((s) => s.selection.blocks.length > 0);
  const mode = useDesigner((s) => s.run.mode);
  return (
    <header className="toolbar nokey" role="toolbar" aria-label="Cairn">
      <strong className="brand">Cairn</strong>
      <Button icon={FilePlus2} label={t('toolbar.newProject')} onClick={() => onProjectDialog('new')} />
      <Button icon={FolderOpen} label={t('toolbar.openProject')} onClick={() => onProjectDialog('open')} />
      <Button icon={Save} label={t('toolbar.save')} onClick={() => void save()} disabled={!dirty} />
      <Button icon={SaveAll} label={t('toolbar.saveAll')} onClick={() => void saveAll()} disabled={!anyDirty} />
      <span className="sep" />
      <Button icon={Undo2} label={t('toolbar.undo')} onClick={() => useDesigner.getState().undo()} disabled={!canUndo} />
      <Button icon={Redo2} label={t('toolbar.redo')} onClick={() => useDesigner.getState().redo()} disabled={!canRedo} />
      <Button icon={Network} label={t('toolbar.layout')} onClick={layoutActive} disabled={!active} />
      <Button icon={Maximize} label={t('toolbar.fit')} onClick={() => void flow.fitView({ maxZoom: 1 })} disabled={!active} />
      <span className="sep" />
      <Button icon={Play} tone="run" text label={t('toolbar.run')} hotkey="run" onClick={() => void startRun('run')} disabled={!active || busy} testId="run" />
      <Button icon={Bug} tone="debug" text label={t('toolbar.debug')} hotkey="debug" onClick={() => void startRun('debug')} disabled={!active || busy} />
      <Button icon={SkipForward} label={t('toolbar.debugFromSelected')} hotkey="debugFromSelected" onClick={debugFromSelected} disabled={!hasSelection || busy} />
      {status === 'paused' ? (
        <Button icon={Play} tone="run" label={t('toolbar.continue')} hotkey="runOrContinue" onClick={runOrContinue} />
      ) : (
        <Button icon={Pause} label={t('toolbar.pause')} hotkey="pause" onClick={pauseRun} disabled={!(status === 'running' && mode === 'debug')} />
      )}
      <Button icon={StepForward} label={t('toolbar.stepOver')} hotkey="stepOver" onClick={() => debugCommand({ type: 'stepOver' })} disabled={status !== 'paused'} />
      <Button icon={ArrowDownToLine} label={t('toolbar.stepInto')} hotkey="stepInto" onClick={() => debugCommand({ type: 'stepInto' })} disabled={status !== 'paused'} />
      <Button icon={ArrowUpFromLine} label={t('toolbar.stepOut')} hotkey="stepOut" onClick={() => debugCommand({ type: 'stepOut' })} disabled={status !== 'paused'} />
      <Button icon={Square} label={t('toolbar.stop')} hotkey="stop" onClick={stopRun} disabled={!busy} />
      <Button icon={OctagonX} tone="abort" label={t('toolbar.abort')} hotkey="abort" onClick={abortRun} disabled={!busy} />
      <span className="sep" />
      <Button icon={Upload} label={t('publish.open')} onClick={() => useDesigner.getState().setAppDialog('publish')} disabled={!hasProject || busy} />
      <Button icon={Settings} label={t('orchestrator.open')} onClick={() => useDesigner.getState().setAppDialog('orchestrator')} />
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
        {theme === 'dark' ? <Sun size={16} aria-hidden="true" /> : <Moon size={16} aria-hidden="true" />}
      </button>
    </header>
  );
});
