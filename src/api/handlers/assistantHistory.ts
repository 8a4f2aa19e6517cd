import type { Handlers } from '../context.js';
import { ApiError } from '../errors.js';
import type { AssistantScope } from './assistantDesk.js';

/** The history's export: one line per log line, with local time and level. */
function logText(name: string, lines: { at: number; level: string; message: string }[]): string {
  return [`# ${name}`, ...lines.map((l) => `${new Date(l.at).toISOString()} ${l.level.toUpperCase().padEnd(5)} ${l.message}`)].join('\n') + '\n';
}

type HistoryHandlers = Pick<Handlers, 'assistant.history' | 'assistant.historyRun' | 'assistant.exportLog'>;

/** The Assistant's run history: the list, one run with its log and screenshots, a log file. */
export function historyHandlers(scope: AssistantScope): HistoryHandlers {
  return {
    async 'assistant.history'(filter) {
      return scope.open().store.assistant.runs(filter);
    },
    async 'assistant.historyRun'({ runGuid }) {
      const { store } = scope.open();
      const run = store.assistant.run(runGuid);
      if (!run) throw new ApiError('not_found', `No run ${runGuid} in the history`);
      return { run, log: store.assistant.logOf(runGuid), screenshots: store.assistant.screenshotsOf(runGuid) };
    },
    async 'assistant.exportLog'({ runGuid }) {
      const { store } = scope.open();
      const run = store.assistant.run(runGuid);
      if (!run) throw new ApiError('not_found', `No run ${runGuid} in the history`);
      const stamp = new Date(run.startedAt).toISOString().replace(/[:.]/g, '-');
      return { fileName: `${run.name.replace(/[^\w\u0400-\u04FF-]+/g, '_')}-${stamp}.log`, text: logText(run.name, store.assistant.logOf(runGuid)) };
    },
  };
}
