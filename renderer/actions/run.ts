import i18next from 'i18next';
import { bridge } from '../bridge/bridge.js';
import type { CommandArgs, EventPayload } from '../../src/api/contract.js';
import { useDesigner } from '../store/index.js';
import { isDirty } from '../store/documents.js';
import { reportError } from './notify.js';
import { save } from './files.js';

type DebugCommand = CommandArgs<'run.debug'>['command'];
type RunEvent = EventPayload<'run.event'>['event'];

/**
 * Runs the active scenario. The runner reads the file, so unsaved edits are saved first
 * (as the vendor's Designer does).
 */
export async function startRun(mode: 'run' | 'debug'): Promise<void> {
  const store = useDesigner.getState();
  const path = store.active;
  if (!path || store.run.status === 'running' || store.run.status === 'paused' || store.run.status === 'starting') return;
  if (isDirty(store.docs[path]) && !(await save(path))) {
    store.notify('error', i18next.t('run.saveFirst'));
    return;
  }
  store.runStarting(path, mode);
  store.setBottomTab('output');
  pending = [];
  try {
    const { runId } = await bridge.call('run.start', {
      path,
      mode,
      breakpoints: mode === 'debug' ? (useDesigner.getState().breakpoints[path] ?? []) : [],
    });
    useDesigner.getState().runStarted(runId);
    flushBuffered(runId);
  } catch (error) {
    useDesigner.getState().runFailedToStart(error instanceof Error ? error.message : String(error));
  }
}

export function stopRun(): void {
  const runId = useDesigner.getState().run.runId;
  if (runId) void bridge.call('run.stop', { runId }).catch(reportError);
}

export function abortRun(): void {
  const runId = useDesigner.getState().run.runId;
  if (runId) void bridge.call('run.abort', { runId }).catch(reportError);
}

export function debugCommand(command: DebugCommand): void {
  const runId = useDesigner.getState().run.runId;
  if (runId) void bridge.call('run.debug', { runId, command }).catch(reportError);
}

/** Breakpoints toggle in the store and, during a debug run, in the runner too. */
export function toggleBreakpoint(blockId: string): void {
  const store = useDesigner.getState();
  if (!store.active) return;
  store.toggleBreakpoint(store.active, blockId);
  const { run } = useDesigner.getState();
  if (run.runId && run.mode === 'debug' && run.status !== 'finished' && run.path === store.active) {
    debugCommand({ type: 'setBreakpoints', blockIds: useDesigner.getState().breakpoints[store.active] ?? [] });
  }
}

// Events can arrive before `run.start` answers with the run id: keep them until it does.
let pending: { runId: string; event: RunEvent }[] = [];
let queued: RunEvent[] = [];
let frame = 0;

function flushBuffered(runId: string): void {
  const mine = pending.filter((p) => p.runId === runId).map((p) => p.event);
  pending = [];
  if (mine.length) useDesigner.getState().applyRunEvents(mine);
}

/**
 * Feeds `run.event` into the store, batched per animation frame: a run that logs thousands of
 * lines per second costs one store update per frame, not one per line.
 */
export function onRunEvent(payload: EventPayload<'run.event'>): void {
  const { run } = useDesigner.getState();
  if (!run.runId) {
    if (run.status === 'starting') pending.push(payload);
    return;
  }
  if (payload.runId !== run.runId) return;
  queued.push(payload.event);
  if (payload.event.type === 'run.finished' || payload.event.type === 'paused') return flushQueued();
  frame ||= requestAnimationFrame(flushQueued);
}

function flushQueued(): void {
  if (frame) cancelAnimationFrame(frame);
  frame = 0;
  const events = queued;
  queued = [];
  if (events.length) useDesigner.getState().applyRunEvents(events);
}
