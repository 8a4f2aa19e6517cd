import { catalogInfo } from '../../activities/catalog.js';
import { toHostServices } from '../../engine/services.js';
import { coerceToType } from '../../engine/values.js';
import type { Scenario } from '../../scenario/schema.js';
import { REDACTED } from '../../scenario/values.js';
import type { Handlers } from '../context.js';
import { ApiError } from '../errors.js';
import type { AssistantScope } from './assistantDesk.js';
import { findProcess, inputsOf, mainScenario } from './assistantProcesses.js';

/** Running a process from the Assistant: its form's arguments, the run, Pause/Resume/Stop. */

/** The form's values typed for the scenario; empty optional fields take the default. */
function typedArguments(doc: Scenario, given: Record<string, unknown>): { args: Record<string, unknown>; masked: Record<string, unknown> } {
  const args: Record<string, unknown> = {};
  const masked: Record<string, unknown> = {};
  const inputs = inputsOf(doc);
  for (const name of Object.keys(given)) {
    if (!inputs.some((input) => input.name === name)) throw new ApiError('invalid_args', `The process has no input "${name}"`);
  }
  for (const input of inputs) {
    const raw = given[input.name];
    if (raw === undefined || raw === '') {
      if (input.required) throw new ApiError('invalid_args', `"${input.name}" is required`);
      continue;
    }
    try {
      args[input.name] = coerceToType(input.type, raw, `"${input.name}"`);
    } catch (error) {
      throw new ApiError('invalid_args', error instanceof Error ? error.message : String(error));
    }
    masked[input.name] = input.sensitive ? REDACTED : args[input.name];
  }
  return { args, masked };
}

/** Names a failed step for the history in the user's language: "Read invoices (b3)". */
async function stepTitler(scope: AssistantScope, doc: Scenario) {
  const lang = (await scope.settings.get()).language;
  const catalog = new Map(catalogInfo().map((b) => [b.type, b.title]));
  return (blockId: string, scenario?: string) => {
    const block = !scenario || scenario === doc.name ? doc.blocks.find((b) => b.id === blockId) : undefined;
    const title = block?.title ?? (block ? catalog.get(block.type)?.[lang] : undefined);
    return title ? `${title} (${blockId})` : blockId;
  };
}

export async function startProcess(scope: AssistantScope, id: string, given: Record<string, unknown>) {
  const { dialogs } = scope;
  const process = findProcess(scope, id);
  const { dir, doc } = await mainScenario(scope, process);
  const { args, masked } = typedArguments(doc, given);
  const { desk, options } = scope.open();
  const { createJobRecord, screenshotOnCrash } = options.get();
  let run;
  try {
    run = desk.start({
      process,
      target: dir,
      args,
      maskedArgs: masked,
      services: (runId) => toHostServices(dialogs.servicesFor(runId)),
      stepTitle: await stepTitler(scope, doc),
      createJobRecord,
      screenshotOnCrash,
    });
  } catch (error) {
    throw new ApiError('conflict', error instanceof Error ? error.message : String(error));
  }
  void run.done.finally(() => dialogs.cancelRun(run.runId));
  return { runId: run.runId, runGuid: run.runGuid, processId: run.processId, name: run.name, startedAt: run.startedAt };
}

type RunHandlers = Pick<Handlers, 'assistant.run' | 'assistant.control' | 'assistant.active'>;

export function runHandlers(scope: AssistantScope): RunHandlers {
  return {
    'assistant.run': ({ id, args }) => startProcess(scope, id, args),
    async 'assistant.control'({ runId, action }) {
      const active = scope.open().desk.active();
      if (!active || active.runId !== runId) throw new ApiError('not_found', `No active run ${runId} (it has finished)`);
      if (action === 'pause') active.handle.debug({ type: 'pause' });
      else if (action === 'resume') active.handle.debug({ type: 'continue' });
      else if (action === 'stop') active.handle.stop();
      else active.handle.abort();
      return {};
    },
    async 'assistant.active'() {
      const active = scope.open().desk.active();
      return { run: active ? { runId: active.runId, runGuid: active.runGuid, processId: active.processId, name: active.name, startedAt: active.startedAt } : null };
    },
  };
}
