import { useEffect, useState } from 'react';
import type { CommandResult } from '../../../src/api/contract.js';
import { bridge } from '../../bridge/bridge.js';
import { useDesigner } from '../../store/index.js';
import { openScenario, saveAll } from '../../actions/files.js';
import { errorText, NEW_PROCESS, type Process, type PublishPhase } from './types.js';

type CheckResult = CommandResult<'publish.check'>;

/** Shows a failed check as the user fixes it: problems in the Problems panel, the first broken scenario open. */
async function showProblems(check: CheckResult): Promise<void> {
  const store = useDesigner.getState();
  for (const file of check.files) store.setProblems(file.file, file.problems);
  const first = check.files.find((f) => f.problems.some((p) => p.severity === 'error'));
  if (first?.file.endsWith('.scenario.json')) await openScenario(first.file);
  useDesigner.getState().setBottomTab('problems');
}

/**
 * The dialog's first step: save open edits (the package is made of the files on disk), validate
 * the whole project, and when it is clean load the Orchestrator's processes, preselecting the one
 * named like the project (or "new process" when there are none).
 */
export function usePublishCheck(dir: string, projectName: string | undefined, setError: (message: string) => void) {
  const [phase, setPhase] = useState<PublishPhase>('checking');
  const [errorCount, setErrorCount] = useState(0);
  const [processes, setProcesses] = useState<Process[] | null>(null);
  const [processGuid, setProcessGuid] = useState('');

  useEffect(() => {
    if (!dir) return;
    let live = true;
    const failed = (e: unknown) => {
      setError(errorText(e));
      return null;
    };
    void (async () => {
      await saveAll();
      const check = await bridge.call('publish.check', { projectDir: dir }).catch(failed);
      if (!live || !check) return;
      if (check.errors > 0) {
        await showProblems(check);
        setErrorCount(check.errors);
        setPhase('blocked');
        return;
      }
      setPhase('ready');
      const list = (await bridge.call('orchestrator.processes').catch(failed)) ?? [];
      if (!live) return;
      setProcesses(list);
      const sameName = list.find((p) => p.name === projectName);
      setProcessGuid(sameName?.guid ?? (list.length === 0 ? NEW_PROCESS : ''));
    })();
    return () => {
      live = false;
    };
  }, [dir, projectName, setError]);

  return { phase, setPhase, errorCount, processes, setProcesses, processGuid, setProcessGuid };
}
