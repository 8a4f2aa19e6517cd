import { useEffect } from 'react';
import { bridge } from '../bridge/bridge.js';
import { useDesigner } from '../store/index.js';
import type { DebugSettings } from '../store/debug.js';
import { reportError } from './notify.js';

const pick = ({ breakpoints, breakOnError, watches }: DebugSettings): DebugSettings => ({ breakpoints, breakOnError, watches });

/**
 * Keeps the debugger's settings of the open project (breakpoints, break on error, watches) in the
 * host's data folder: loaded when a project opens, saved shortly after each change. Never in a
 * scenario file. Mounted once, by the bottom panel.
 */
export function useDebugWorkspace(): void {
  const projectDir = useDesigner((s) => s.project?.dir);
  useEffect(() => {
    if (!projectDir) return;
    let loaded = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    const save = () => {
      timer = undefined;
      void bridge.call('debug.workspace.set', { projectDir, settings: pick(useDesigner.getState()) }).catch(reportError);
    };
    void bridge
      .call('debug.workspace.get', { projectDir })
      .then((settings) => {
        if (cancelled) return;
        useDesigner.getState().loadDebugSettings(settings);
        loaded = true;
      })
      .catch(reportError);
    const unsubscribe = useDesigner.subscribe((s, before) => {
      if (!loaded || (s.breakpoints === before.breakpoints && s.breakOnError === before.breakOnError && s.watches === before.watches)) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(save, 300);
    });
    return () => {
      cancelled = true;
      unsubscribe();
      // A change still waiting is saved for the project it was made in.
      if (timer !== undefined) {
        clearTimeout(timer);
        save();
      }
    };
  }, [projectDir]);
}
