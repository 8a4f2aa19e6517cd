import { assistantOptionsSchema } from '../assistantCommands.js';
import type { Handlers } from '../context.js';
import { ApiError } from '../errors.js';
import type { AssistantScope } from './assistantDesk.js';

/** The robot connects to the Orchestrator the settings name (both URL and GUID, else to none). */
export async function connectFromSettings(scope: AssistantScope): Promise<void> {
  const { orchestrator } = await scope.settings.get();
  const url = orchestrator.url?.trim();
  const robotGuid = orchestrator.robotGuid?.trim();
  scope.open().desk.configure(url && robotGuid ? { url, robotGuid, insecureTls: orchestrator.allowInsecureTls === true } : null);
}

type SettingsHandlers = Pick<Handlers, 'assistant.connection' | 'assistant.connect' | 'assistant.refresh' | 'assistant.options' | 'assistant.setOptions'>;

/** The Assistant's settings page: the Orchestrator connection and the Assistant's options. */
export function settingsHandlers(scope: AssistantScope): SettingsHandlers {
  const { settings, emit } = scope;
  return {
    async 'assistant.connection'() {
      return scope.open().desk.connection();
    },
    async 'assistant.connect'({ url, robotGuid, allowInsecureTls }) {
      const trimmed = url.trim();
      if (trimmed && !/^https?:\/\/[^\s/]+/i.test(trimmed)) throw new ApiError('invalid_args', `"${trimmed}" is not an http:// or https:// address`);
      const current = await settings.get();
      await settings.update({
        orchestrator: { ...current.orchestrator, url: trimmed || undefined, robotGuid: robotGuid.trim() || undefined, allowInsecureTls },
      });
      await connectFromSettings(scope);
      await scope.open().desk.refresh();
      return scope.open().desk.connection();
    },
    async 'assistant.refresh'() {
      await scope.open().desk.refresh();
      return scope.open().desk.connection();
    },
    async 'assistant.options'() {
      return scope.open().options.get();
    },
    async 'assistant.setOptions'(patch) {
      const next = assistantOptionsSchema.parse({ ...scope.open().options.get(), ...patch });
      scope.open().options.set(next);
      emit('assistant.changed', { what: 'options' });
      return next;
    },
  };
}
