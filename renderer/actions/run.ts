import i18next from 'i18next';
import { bridge } from '../bridge/bridge.js';
import type { CommandArgs, EventPayload } from '../../src/api/contract.js';
import { useDesigner } from '../store/index.js';
import { isDirty } from '../store/documents.js';
import { reportError } from './notify.js';
import { openScenario, save } from './files.js';
import { REDACTED } from '../../src/scenario/values.js';
import type { Evaluation } from '../store/debug.js';

type DebugCommand = CommandArgs<'run.debug'>['command'];
type RunEvent = EventPayload<'run.event'>['event'];

type StartOptions = { startAt?: string };

/** True while a run is starting, running or paused (one run at a time). */
export function runBusy(): boolean {
  const status = useDesigner.getState().run.status;
  return status === 'starting' || status === 'running' || status === 'paused';
}

/**
 * Refuses to run a scenario with validation errors, as the CLI does: the problems are shown
 * instead, so the user sees why rather than a run failing half-way.
 */
async function refuseWithErrors(path: string): Promise<boolean> {
  const doc = useDesigner.getState().docs[path]?.doc;
  if (!doc) return true;
  const result = await bridge.call('scenario.validate', { doc }).catch(reportError);
  if (!result) return true;
  const store = useDesigner.getState();
  store.setProblems(path, result.problems);
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  if (errors === 0) return false;
  store.setBottomTab('problems');
  store.notify('error', i18next.t('run.refused', { count: errors }));
  return true;
}

/**
 * Runs the active scenario. The runner reads the file, so unsaved edits are saved first
 * (as the vendor's Designer does). `startAt` (debug only) starts at that block and pauses there.
 */
export async function startRun(mode: 'run' | 'debug', options: StartOptions = {}): Promise<void> {
  const store = useDesigner.getState();
  const path = store.active;
  if (!path || runBusy()) return;
  if (await refuseWithErrors(path)) return;
  if (isDirty(useDesigner.getState().docs[path]) && !(await save(path))) {
    useDesigner.getState().notify('error', i18next.t('run.saveFirst'));
    return;
  }
  // Debug from a block: the values the run before had (same scenario) are put back at the pause.
  const previous = store.run.path === path ? store.run.variables : {};
  useDesigner.getState().runStarting(path, mode);
  useDesigner.getState().setBottomTab('output');
  pending = [];
  restore = options.startAt !== undefined ? previous : undefined;
  try {
    const { runId } = await bridge.call('run.start', {
      path,
      mode,
      breakpoints: mode === 'debug' ? enabledBreakpoints() : [],
      ...(mode === 'debug' && useDesigner.getState().breakOnError ? { breakOnError: true } : {}),
      ...(mode === 'debug' && options.startAt !== undefined ? { startAt: options.startAt, pauseOnStart: true } : {}),
    });
    useDesigner.getState().runStarted(runId);
    flushBuffered(runId);
  } catch (error) {
    useDesigner.getState().runFailedToStart(error instanceof Error ? error.message : String(error));
  }
}

/** Debug from the (first) selected block of the active scenario. */
export function debugFromSelected(): void {
  const [blockId] = useDesigner.getState().selection.blocks;
  if (blockId) void startRun('debug', { startAt: blockId });
  else useDesigner.getState().notify('error', i18next.t('run.selectBlockFirst'));
}

/** F5: continue a paused run, otherwise start a debug run (breakpoints apply). */
export function runOrContinue(): void {
  if (useDesigner.getState().run.status === 'paused') debugCommand({ type: 'continue' });
  else void startRun('debug');
}

export function pauseRun(): void {
  const { run } = useDesigner.getState();
  if (run.status === 'running' && run.mode === 'debug') debugCommand({ type: 'pause' });
}

/** Run to here: continue until this block of the paused run. */
export function runToBlock(blockId: string): void {
  if (useDesigner.getState().run.status === 'paused') debugCommand({ type: 'runTo', blockId });
}

/** Sets a variable of the paused scenario; the runner answers with a `variable` event. */
export function setRunVariable(name: string, value: unknown): void {
  debugCommand({ type: 'setVariable', name, value });
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
  syncBreakpoints();
}

/** True while a debug run can take new breakpoints. */
function debugging(): boolean {
  const { run } = useDesigner.getState();
  return !!run.runId && run.mode === 'debug' && run.status !== 'finished';
}

/** Sends the workspace's breakpoints (every scenario's, enabled ones) to the debug run, if any. */
export function syncBreakpoints(): void {
  if (debugging()) debugCommand({ type: 'setBreakpoints', breakpoints: enabledBreakpoints() });
}

export function syncBreakOnError(): void {
  if (debugging()) debugCommand({ type: 'setBreakOnError', on: useDesigner.getState().breakOnError });
}

/** The enabled breakpoints of every scenario, each naming its file (block ids repeat across scenarios). */
function enabledBreakpoints(): { blockId: string; path: string; condition?: string; hitCount?: number; log?: string }[] {
  return Object.entries(useDesigner.getState().breakpoints).flatMap(([path, list]) =>
    list
      .filter((b) => b.enabled)
      .map(({ blockId, condition, hitCount, log }) => ({
        blockId,
        path,
        ...(condition?.trim() ? { condition } : {}),
        ...(hitCount !== undefined ? { hitCount } : {}),
        ...(log ? { log } : {}),
      })),
  );
}

/** Evaluates an expression in the paused scope: `{ value }` or `{ error }`. */
export async function evaluateInRun(expression: string): Promise<Evaluation> {
  const { run } = useDesigner.getState();
  if (!run.runId || run.status !== 'paused') return { error: i18next.t('debug.notPaused') };
  return bridge.call('run.evaluate', { runId: run.runId, expression }).catch((err: unknown) => ({ error: err instanceof Error ? err.message : String(err) }));
}

/** The console: evaluates and keeps the answer in its history. */
export async function runConsoleExpression(expression: string): Promise<void> {
  const text = expression.trim();
  if (!text) return;
  const answer = await evaluateInRun(text);
  useDesigner.getState().addConsoleEntry({ expression: text, ...answer });
}

/** Watches are evaluated at each pause and after a variable is changed while paused. */
export async function refreshWatches(): Promise<void> {
  const { watches } = useDesigner.getState();
  const values = await Promise.all(watches.map(async (w) => [w, await evaluateInRun(w)] as const));
  useDesigner.getState().setWatchValues(Object.fromEntries(values));
}

/** A secret variable's value, shown only in the paused Designer (the runner answers this UI only). */
export async function revealVariable(name: string): Promise<Evaluation> {
  const { run } = useDesigner.getState();
  if (!run.runId || run.status !== 'paused' || run.mode !== 'debug') return { error: i18next.t('debug.notPaused') };
  return bridge.call('run.reveal', { runId: run.runId, name }).catch((err: unknown) => ({ error: err instanceof Error ? err.message : String(err) }));
}

/** Values to put back at the first pause of a "debug from block" run. */
let restore: Record<string, unknown> | undefined;

/** A pause shows where it is: the paused scenario's tab (a sub-scenario after Step Into), its block in view. */
async function followPause(events: RunEvent[]): Promise<void> {
  const paused = events.findLast((e) => e.type === 'paused');
  if (paused === undefined || paused.type !== 'paused') return;
  const path = paused.path ?? useDesigner.getState().run.path;
  if (!path) return;
  if (useDesigner.getState().active !== path) await openScenario(path);
  if (useDesigner.getState().active === path) useDesigner.getState().revealBlock(paused.blockId);
}

function restoreVariables(events: RunEvent[]): void {
  if (restore === undefined) return;
  const paused = events.find((e) => e.type === 'paused');
  if (paused === undefined || paused.type !== 'paused') return;
  const values = restore;
  restore = undefined;
  for (const [name, value] of Object.entries(values)) {
    if (name in paused.variables && value !== REDACTED) setRunVariable(name, value);
  }
}

// Events can arrive before `run.start` answers with the run id: keep them until it does.
let pending: { runId: string; event: RunEvent }[] = [];
let queued: RunEvent[] = [];
let frame = 0;

function flushBuffered(runId: string): void {
  const mine = pending.filter((p) => p.runId === runId).map((p) => p.event);
  pending = [];
  if (mine.length) {
    useDesigner.getState().applyRunEvents(mine);
    restoreVariables(mine);
    void followPause(mine);
    afterEvents(mine);
  }
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
  if (events.length) {
    useDesigner.getState().applyRunEvents(events);
    restoreVariables(events);
    void followPause(events);
    afterEvents(events);
  }
}

/** Watches follow the paused values. */
function afterEvents(events: RunEvent[]): void {
  if (useDesigner.getState().run.status !== 'paused') return;
  if (events.some((e) => e.type === 'paused' || e.type === 'variable')) void refreshWatches();
}
