import { defaultDataDir } from '../api/dataDir.js';
import { ORCHESTRATOR_API_KEY_SECRET, createSecretVault, fileKeyCipher } from '../api/secrets.js';
import type { IntegrationClient } from '../orchestrator/integrationClient.js';
import { UsageError } from './options.js';

/**
 * The connection options `cairn publish` and `cairn versions` share. The API key comes from
 * `--api-key`, else `CAIRN_API_KEY`, else the vault of the browser-mode Designer (its data folder,
 * `CAIRN_DATA_DIR`), where the Designer's Orchestrator settings keep it. It is never printed.
 */

export const connectionOptions = {
  orchestrator: { type: 'string' },
  'api-key': { type: 'string' },
  insecure: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

export const CONNECTION_HELP = `  --orchestrator URL   the Orchestrator's base URL, e.g. http://192.168.1.111:4500
  --api-key KEY        your API key GUID (or set CAIRN_API_KEY; else the Designer's saved key is used)
  --insecure           do not verify the Orchestrator's TLS certificate (warned)
  --json               print the result as JSON on stdout`;

export async function resolveApiKey(flag: string | undefined): Promise<string> {
  const given = flag ?? process.env.CAIRN_API_KEY;
  if (given !== undefined && given.trim() !== '') return given.trim();
  const dataDir = defaultDataDir();
  let saved: string | undefined;
  try {
    saved = await createSecretVault(dataDir, fileKeyCipher(dataDir)).get(ORCHESTRATOR_API_KEY_SECRET);
  } catch {
    // The desktop app's vault is sealed by the OS keychain, which the command line cannot open.
    throw new UsageError('the API key saved by the Designer cannot be read here: pass --api-key KEY or set CAIRN_API_KEY');
  }
  if (!saved) throw new UsageError('no API key: pass --api-key KEY, set CAIRN_API_KEY, or save it in the Designer (Orchestrator settings)');
  return saved;
}

export async function connect(values: { orchestrator?: string; 'api-key'?: string; insecure?: boolean }): Promise<IntegrationClient> {
  if (!values.orchestrator) throw new UsageError('--orchestrator URL is required');
  if (!/^https?:\/\/\S+$/i.test(values.orchestrator)) throw new UsageError(`--orchestrator must be an http:// or https:// URL, got "${values.orchestrator}"`);
  const apiKey = await resolveApiKey(values['api-key']);
  // Loaded here, not at the top: the HTTP client (axios) is only needed once a command connects.
  const { IntegrationClient } = await import('../orchestrator/integrationClient.js');
  return new IntegrationClient({ url: values.orchestrator, apiKey, insecure: values.insecure ?? false, warn: (line) => console.error(line) });
}

/** An Orchestrator or publishing failure as one line for stderr (never a stack trace). */
export function failureMessage(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  if (error.name === 'OrchestratorError' || error.name === 'PublishError' || error.name === 'PackageError') return error.message;
  return undefined;
}
