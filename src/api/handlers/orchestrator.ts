import type { IntegrationClient } from '../../orchestrator/integrationClient.js';
import type { Handlers } from '../context.js';
import { ApiError, type ApiErrorCode } from '../errors.js';
import { ORCHESTRATOR_API_KEY_SECRET, type SecretVault } from '../secrets.js';
import type { SettingsStore } from './settings.js';

type OrchestratorHandlers = Pick<
  Handlers,
  | 'orchestrator.connection'
  | 'orchestrator.saveConnection'
  | 'orchestrator.testConnection'
  | 'orchestrator.processes'
  | 'orchestrator.versions'
  | 'orchestrator.assets'
>;

export type Connection = { url: string; allowInsecureTls: boolean; robotGuid: string; apiKey: string };

/** What an Orchestrator or publishing failure means for the UI (the message says it to people). */
export function toApiError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const kind = (error as { kind?: string; code?: string }).kind;
  if (error.name === 'OrchestratorError') {
    const code: ApiErrorCode =
      kind === 'unauthorized' ? 'forbidden' : kind === 'notFound' ? 'not_found' : kind === 'unreachable' || kind === 'timeout' || kind === 'tls' ? 'disconnected' : 'internal';
    return new ApiError(code, error.message);
  }
  if (error.name === 'PublishError') {
    const code = (error as { code?: string }).code;
    const map: Record<string, ApiErrorCode> = { invalid: 'invalid_scenario', unknownProcess: 'not_found', versionExists: 'conflict' };
    return new ApiError(map[code ?? ''] ?? 'invalid_args', error.message);
  }
  if (error.name === 'PackageError') return new ApiError('invalid_args', error.message);
  return error;
}

/**
 * The Orchestrator connection of the Designer (and of the Assistant, which may reuse these):
 * URL, TLS choice and robot GUID in settings.json; the API key in the vault only.
 */
export function createOrchestratorHandlers(settings: SettingsStore, vault: SecretVault) {
  const saved = async (): Promise<Connection> => {
    const { orchestrator } = await settings.get();
    return {
      url: orchestrator.url ?? '',
      allowInsecureTls: orchestrator.allowInsecureTls ?? false,
      robotGuid: orchestrator.robotGuid ?? '',
      apiKey: (await vault.get(ORCHESTRATOR_API_KEY_SECRET)) ?? '',
    };
  };
  const shown = (c: Connection) => ({ url: c.url, allowInsecureTls: c.allowInsecureTls, robotGuid: c.robotGuid, hasApiKey: c.apiKey !== '' });

  const clientFor = async (c: { url: string; apiKey: string; allowInsecureTls: boolean }, retries?: number): Promise<IntegrationClient> => {
    // Loaded on first use: the HTTP client is not needed to start the Designer.
    const { IntegrationClient } = await import('../../orchestrator/integrationClient.js');
    return new IntegrationClient({ url: c.url, apiKey: c.apiKey, insecure: c.allowInsecureTls, retries, warn: () => undefined });
  };

  /** The saved connection's client, or a clear error saying what to set first. */
  const client = async (): Promise<IntegrationClient> => {
    const c = await saved();
    if (!c.url) throw new ApiError('invalid_args', 'No Orchestrator URL: set it in Orchestrator settings.');
    if (!c.apiKey) throw new ApiError('invalid_args', 'No API key: save one in Orchestrator settings.');
    return clientFor(c);
  };
  const call = async <T>(work: (c: IntegrationClient) => Promise<T>): Promise<T> => {
    try {
      return await work(await client());
    } catch (error) {
      throw toApiError(error);
    }
  };

  const handlers: OrchestratorHandlers = {
    async 'orchestrator.connection'() {
      return shown(await saved());
    },
    async 'orchestrator.saveConnection'({ url, allowInsecureTls, robotGuid, apiKey }) {
      if (url && !/^https?:\/\/\S+$/i.test(url)) throw new ApiError('invalid_args', `The Orchestrator URL must start with http:// or https:// (got "${url}").`);
      const current = await settings.get();
      await settings.update({
        orchestrator: { ...current.orchestrator, url: url || undefined, allowInsecureTls, robotGuid: robotGuid || undefined },
      });
      if (apiKey === '') await vault.delete(ORCHESTRATOR_API_KEY_SECRET);
      else if (apiKey !== undefined) await vault.set(ORCHESTRATOR_API_KEY_SECRET, apiKey);
      return shown(await saved());
    },
    async 'orchestrator.testConnection'(typed) {
      const base = await saved();
      const c: Connection = {
        url: typed.url ?? base.url,
        allowInsecureTls: typed.allowInsecureTls ?? base.allowInsecureTls,
        robotGuid: typed.robotGuid ?? base.robotGuid,
        apiKey: typed.apiKey || base.apiKey,
      };
      return testConnection(c, (conn) => clientFor(conn, 0));
    },
    'orchestrator.processes': () =>
      call(async (c) => (await c.listProcesses()).map(({ guid, name, description }) => ({ guid, name, description }))),
    'orchestrator.versions': ({ processGuid }) =>
      call(async (c) =>
        (await c.listVersions(processGuid)).map((v) => ({
          guid: v.guid,
          name: v.name,
          description: v.description,
          createdAt: typeof v.raw.created_at === 'string' ? v.raw.created_at : null,
        })),
      ),
    'orchestrator.assets': () => call((c) => c.listAssets()),
  };
  return { handlers, client, saved };
}

type Check = { id: 'url' | 'reach' | 'apiKey' | 'robot'; ok: boolean; skipped: boolean; message: { en: string; ru: string } };

/** Each step says exactly what worked: the URL, the server answering, the API key, the robot GUID. */
async function testConnection(
  c: Connection,
  clientFor: (c: { url: string; apiKey: string; allowInsecureTls: boolean }) => Promise<IntegrationClient>,
): Promise<{ ok: boolean; checks: Check[] }> {
  const checks: Check[] = [];
  const skip = (id: Check['id'], en: string, ru: string) => checks.push({ id, ok: false, skipped: true, message: { en, ru } });
  if (!/^https?:\/\/\S+$/i.test(c.url)) {
    checks.push({ id: 'url', ok: false, skipped: false, message: { en: 'Enter a URL starting with http:// or https://.', ru: 'Введите адрес, начинающийся с http:// или https://.' } });
    skip('reach', 'Not tried.', 'Не проверялось.');
    skip('apiKey', 'Not tried.', 'Не проверялось.');
    skip('robot', 'Not tried.', 'Не проверялось.');
    return { ok: false, checks };
  }
  checks.push({ id: 'url', ok: true, skipped: false, message: { en: `URL ${c.url}`, ru: `Адрес ${c.url}` } });
  let reached = false;
  try {
    // Without a key, any answer at all (even a refusal) proves the server is there.
    const probe = await clientFor({ ...c, apiKey: c.apiKey || '00000000-0000-0000-0000-000000000000' });
    const processes = await probe.listProcesses();
    reached = true;
    checks.push({ id: 'reach', ok: true, skipped: false, message: { en: 'The Orchestrator answered.', ru: 'Оркестратор ответил.' } });
    if (c.apiKey) {
      checks.push({ id: 'apiKey', ok: true, skipped: false, message: { en: `API key accepted: ${processes.length} processes visible.`, ru: `API-ключ принят: видно процессов — ${processes.length}.` } });
    }
  } catch (error) {
    const kind = (error as { kind?: string }).kind;
    const message = error instanceof Error ? error.message : String(error);
    if (kind === 'unauthorized') {
      reached = true;
      checks.push({ id: 'reach', ok: true, skipped: false, message: { en: 'The Orchestrator answered.', ru: 'Оркестратор ответил.' } });
      if (c.apiKey) checks.push({ id: 'apiKey', ok: false, skipped: false, message: { en: message, ru: `Оркестратор отклонил API-ключ. ${message}` } });
    } else {
      checks.push({ id: 'reach', ok: false, skipped: false, message: { en: message, ru: `Оркестратор недоступен или отвечает не как оркестратор. ${message}` } });
    }
  }
  if (!c.apiKey) skip('apiKey', 'No API key entered: publishing needs one.', 'API-ключ не введён: он нужен для публикации.');
  else if (!reached) skip('apiKey', 'Not tried: the Orchestrator did not answer.', 'Не проверялось: оркестратор не ответил.');
  if (!c.robotGuid) skip('robot', 'No robot GUID: Orchestrator blocks in Designer runs need one.', 'GUID робота не задан: он нужен блокам оркестратора при запуске из дизайнера.');
  else if (!reached) skip('robot', 'Not tried: the Orchestrator did not answer.', 'Не проверялось: оркестратор не ответил.');
  else {
    try {
      // The robot's GUID is its credential: a read with it succeeds only for a registered robot.
      await (await clientFor({ ...c, apiKey: c.robotGuid })).listAssets();
      checks.push({ id: 'robot', ok: true, skipped: false, message: { en: 'Robot GUID accepted.', ru: 'GUID робота принят.' } });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const unknown = (error as { kind?: string }).kind === 'unauthorized';
      checks.push({
        id: 'robot',
        ok: false,
        skipped: false,
        message: unknown
          ? { en: `The Orchestrator does not know robot ${c.robotGuid}.`, ru: `Оркестратор не знает робота ${c.robotGuid}.` }
          : { en: message, ru: message },
      });
    }
  }
  const order: Check['id'][] = ['url', 'reach', 'apiKey', 'robot'];
  checks.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  return { ok: checks.every((x) => x.ok || x.skipped) && checks.some((x) => x.id === 'apiKey' && x.ok), checks };
}
