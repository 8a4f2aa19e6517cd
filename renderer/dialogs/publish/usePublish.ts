import { useCallback, useEffect, useState } from 'react';
import type { CommandArgs } from '../../../src/api/contract.js';
import { bridge } from '../../bridge/bridge.js';
import { useDesigner } from '../../store/index.js';
import { refreshProject } from '../../actions/files.js';
import { usePublishCheck } from './usePublishCheck.js';
import { errorText, NEW_PROCESS, type Preview, type Published, type Step, type Version, type VersionChoice } from './types.js';

type VersionArgs = Pick<CommandArgs<'publish.start'>, 'bump' | 'version'>;
const versionArgs = (choice: VersionChoice, explicit: string): VersionArgs => (choice === 'explicit' ? { version: explicit } : { bump: choice });

/** The versions the chosen process already has (again after a publish: `result` changes). */
function useExistingVersions(processGuid: string, result: Published | null, setError: (message: string) => void): Version[] {
  const [versions, setVersions] = useState<Version[]>([]);
  useEffect(() => {
    if (!processGuid || processGuid === NEW_PROCESS) {
      setVersions([]);
      return;
    }
    void bridge.call('orchestrator.versions', { processGuid }).then(setVersions, (e: unknown) => setError(errorText(e)));
  }, [processGuid, result, setError]);
  return versions;
}

/** "current → next" for the chosen bump or explicit version, or why that version cannot be. */
function useVersionPreview(dir: string, choice: VersionChoice, explicit: string, result: Published | null): Preview | null {
  const [preview, setPreview] = useState<Preview | null>(null);
  useEffect(() => {
    if (!dir || (choice === 'explicit' && !explicit.trim())) {
      setPreview(null);
      return;
    }
    void bridge.call('publish.preview', { projectDir: dir, ...versionArgs(choice, explicit) }).then(setPreview, () => setPreview(null));
  }, [dir, choice, explicit, result]);
  return preview;
}

/** The step the running publish reports (packing, uploading …). */
function usePublishStep(dir: string): Step | null {
  const [step, setStep] = useState<Step | null>(null);
  useEffect(() => bridge.on('publish.progress', (p) => p.projectDir === dir && setStep(p.step)), [dir]);
  return step;
}

/** Everything the Publish… dialog shows and does: check, process, version, notes, publish. */
export function usePublish() {
  const project = useDesigner((s) => s.project);
  const dir = project?.dir ?? '';
  const [error, setError] = useState('');
  const check = usePublishCheck(dir, project?.project.name, setError);
  const { processGuid, setPhase, setProcessGuid, setProcesses } = check;
  const [newName, setNewName] = useState(project?.project.name ?? '');
  const [choice, setChoice] = useState<VersionChoice>('patch');
  const [explicit, setExplicit] = useState('');
  const [notes, setNotes] = useState('');
  const [result, setResult] = useState<Published | null>(null);
  const versions = useExistingVersions(processGuid, result, setError);
  const preview = useVersionPreview(dir, choice, explicit, result);
  const step = usePublishStep(dir);

  const canPublish = check.phase === 'ready' && !!processGuid && (processGuid !== NEW_PROCESS || !!newName.trim()) && !!preview?.next;
  const publish = useCallback(async () => {
    setPhase('publishing');
    setError('');
    try {
      const target = processGuid === NEW_PROCESS ? { processName: newName.trim() } : { processGuid };
      const published = await bridge.call('publish.start', { projectDir: dir, target, notes, ...versionArgs(choice, explicit) });
      setResult(published);
      setProcessGuid(published.processGuid);
      if (published.processCreated) {
        const list = await bridge.call('orchestrator.processes').catch(() => null);
        setProcesses((current) => list ?? current ?? []);
      }
      setPhase('done');
      await refreshProject();
    } catch (e) {
      setError(errorText(e));
      setPhase('ready');
    }
  }, [dir, processGuid, newName, notes, choice, explicit, setPhase, setProcessGuid, setProcesses]);

  return { project, ...check, error, newName, setNewName, choice, setChoice, explicit, setExplicit, notes, setNotes, result, versions, preview, step, canPublish, publish };
}
