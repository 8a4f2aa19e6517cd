import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandArgs, CommandResult, EventPayload } from '../../src/api/contract.js';
import { bridge } from '../bridge/bridge.js';
import { useDesigner } from '../store/index.js';
import { currentLang } from '../i18n/index.js';
import { openScenario, refreshProject, saveAll } from '../actions/files.js';
import { Modal } from './Modal.js';

type Process = CommandResult<'orchestrator.processes'>[number];
type Version = CommandResult<'orchestrator.versions'>[number];
type Published = CommandResult<'publish.start'>;
type Step = EventPayload<'publish.progress'>['step'];
type VersionChoice = 'patch' | 'minor' | 'major' | 'explicit';

const NEW_PROCESS = '__new__';
const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Publish…: saves open edits, validates the whole project (errors block it and open the Problems
 * panel), then a process from the Orchestrator's list (or a new one), the version (patch / minor
 * / major / explicit, current → new), release notes, progress, and the result with its GUID.
 */
export function PublishDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const project = useDesigner((s) => s.project);
  const [phase, setPhase] = useState<'checking' | 'blocked' | 'ready' | 'publishing' | 'done'>('checking');
  const [errorCount, setErrorCount] = useState(0);
  const [processes, setProcesses] = useState<Process[] | null>(null);
  const [processGuid, setProcessGuid] = useState('');
  const [newName, setNewName] = useState(project?.project.name ?? '');
  const [versions, setVersions] = useState<Version[]>([]);
  const [choice, setChoice] = useState<VersionChoice>('patch');
  const [explicit, setExplicit] = useState('');
  const [preview, setPreview] = useState<CommandResult<'publish.preview'> | null>(null);
  const [notes, setNotes] = useState('');
  const [step, setStep] = useState<Step | null>(null);
  const [result, setResult] = useState<Published | null>(null);
  const [error, setError] = useState('');
  const dir = project?.dir ?? '';

  // Validation first: the package is made of the files on disk, so open edits are saved before.
  useEffect(() => {
    if (!dir) return;
    let live = true;
    void (async () => {
      await saveAll();
      const check = await bridge.call('publish.check', { projectDir: dir }).catch((e: unknown) => {
        setError(errorText(e));
        return null;
      });
      if (!live || !check) return;
      if (check.errors > 0) {
        const store = useDesigner.getState();
        for (const file of check.files) store.setProblems(file.file, file.problems);
        const first = check.files.find((f) => f.problems.some((p) => p.severity === 'error'));
        if (first?.file.endsWith('.scenario.json')) await openScenario(first.file);
        useDesigner.getState().setBottomTab('problems');
        setErrorCount(check.errors);
        setPhase('blocked');
        return;
      }
      setPhase('ready');
      const list = await bridge.call('orchestrator.processes').catch((e: unknown) => {
        setError(errorText(e));
        return [] as Process[];
      });
      if (!live) return;
      setProcesses(list);
      const sameName = list.find((p) => p.name === project?.project.name);
      setProcessGuid(sameName?.guid ?? (list.length === 0 ? NEW_PROCESS : ''));
    })();
    return () => {
      live = false;
    };
  }, [dir, project?.project.name]);

  useEffect(() => {
    if (!processGuid || processGuid === NEW_PROCESS) {
      setVersions([]);
      return;
    }
    void bridge.call('orchestrator.versions', { processGuid }).then(setVersions, (e: unknown) => setError(errorText(e)));
  }, [processGuid, result]);

  const versionArgs = (): Pick<CommandArgs<'publish.start'>, 'bump' | 'version'> =>
    choice === 'explicit' ? { version: explicit } : { bump: choice };
  useEffect(() => {
    if (!dir || (choice === 'explicit' && !explicit.trim())) {
      setPreview(null);
      return;
    }
    void bridge.call('publish.preview', { projectDir: dir, ...versionArgs() }).then(setPreview, () => setPreview(null));
  }, [dir, choice, explicit, result]);

  useEffect(() => bridge.on('publish.progress', (p) => p.projectDir === dir && setStep(p.step)), [dir]);

  const canPublish = phase === 'ready' && !!processGuid && (processGuid !== NEW_PROCESS || !!newName.trim()) && !!preview?.next;
  const publish = async () => {
    setPhase('publishing');
    setError('');
    try {
      const target = processGuid === NEW_PROCESS ? { processName: newName.trim() } : { processGuid };
      const published = await bridge.call('publish.start', { projectDir: dir, target, notes, ...versionArgs() });
      setResult(published);
      setProcessGuid(published.processGuid);
      if (published.processCreated) setProcesses(await bridge.call('orchestrator.processes').catch(() => processes ?? []));
      setPhase('done');
      await refreshProject();
    } catch (e) {
      setError(errorText(e));
      setPhase('ready');
    }
  };

  const title = t('publish.title', { name: project?.project.name ?? '' });
  return (
    <Modal title={title} onCancel={onClose} wide>
      <form
        className="publish"
        onSubmit={(e) => {
          e.preventDefault();
          if (canPublish) void publish();
        }}
      >
        {!project && <p className="muted">{t('app.noProject')}</p>}
        {project && phase === 'checking' && <p role="status">{t('publish.checking')}</p>}
        {phase === 'blocked' && (
          <p className="field-error" role="alert">
            {t('publish.blocked', { count: errorCount })}
          </p>
        )}
        {(phase === 'ready' || phase === 'publishing' || phase === 'done') && (
          <>
            <label>
              {t('publish.process')}
              <select value={processGuid} onChange={(e) => setProcessGuid(e.target.value)} aria-label={t('publish.process')} disabled={processes === null}>
                <option value="">{processes === null ? t('publish.loadingProcesses') : t('publish.chooseProcess')}</option>
                {(processes ?? []).map((p) => (
                  <option key={p.guid} value={p.guid}>
                    {p.name}
                  </option>
                ))}
                <option value={NEW_PROCESS}>{t('publish.newProcess')}</option>
              </select>
            </label>
            {processGuid === NEW_PROCESS && (
              <label>
                {t('publish.newProcessName')}
                <input value={newName} onChange={(e) => setNewName(e.target.value)} aria-label={t('publish.newProcessName')} />
              </label>
            )}
            <fieldset>
              <legend>{t('publish.version')}</legend>
              <div className="row" role="radiogroup" aria-label={t('publish.version')}>
                {(['patch', 'minor', 'major', 'explicit'] as const).map((c) => (
                  <label key={c} className="check">
                    <input type="radio" name="bump" checked={choice === c} onChange={() => setChoice(c)} />
                    {t(`publish.${c}`)}
                  </label>
                ))}
                {choice === 'explicit' && (
                  <input value={explicit} onChange={(e) => setExplicit(e.target.value)} placeholder="1.4.0" aria-label={t('publish.explicitVersion')} />
                )}
              </div>
              <p className="version-change" data-testid="version-change">
                {preview?.next ? t('publish.change', { current: preview.current, next: preview.next }) : ''}
                {preview?.error && <span className="field-error">{preview.error[lang]}</span>}
              </p>
            </fieldset>
            <label>
              {t('publish.notes')}
              <textarea rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} aria-label={t('publish.notes')} />
            </label>
            {phase === 'publishing' && (
              <p role="status">
                <progress aria-label={t('publish.publishing')} /> {step ? t(`publish.steps.${step}`) : t('publish.publishing')}
              </p>
            )}
            {result && (
              <div className="result" role="status" aria-label={t('publish.done', { name: result.processName, version: result.version })}>
                <strong>✔ {t('publish.done', { name: result.processName, version: result.version })}</strong>
                <div>
                  {t('publish.versionGuid')}: <code data-testid="version-guid">{result.versionGuid}</code>
                </div>
              </div>
            )}
            {processGuid && processGuid !== NEW_PROCESS && (
              <section aria-label={t('publish.existing')}>
                <h3>{t('publish.existing')}</h3>
                {versions.length === 0 ? (
                  <p className="muted">{t('publish.noVersions')}</p>
                ) : (
                  <table className="versions">
                    <tbody>
                      {[...versions].reverse().map((v) => (
                        <tr key={v.guid}>
                          <td>
                            <strong>{v.name}</strong>
                          </td>
                          <td className="muted">{v.createdAt ? new Date(v.createdAt).toLocaleString() : ''}</td>
                          <td>{v.description}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </section>
            )}
          </>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="buttons">
          {error && (
            <button type="button" onClick={() => useDesigner.getState().setAppDialog('orchestrator')}>
              {t('publish.settings')}
            </button>
          )}
          <span className="grow" />
          {phase !== 'blocked' && phase !== 'done' && (
            <button type="submit" className="primary" disabled={!canPublish}>
              {phase === 'publishing' ? t('publish.publishing') : t('publish.publish')}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t('publish.close')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
