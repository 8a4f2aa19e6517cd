import { OrchestratorError } from './errors.js';
import { isObject, num, text, toForm } from './form.js';
import { createTransport, type CallInput, type CallResult } from './http.js';
import { resolvePaths, type PathName, type PathOverrides } from './paths.js';
import { parseGuid, parseJson, toProcess, toVersion } from './answers.js';
import type { OrchestratorProcess, ProcessVersion } from './types.js';

/**
 * The Orchestrator as an integration sees it (the Designer publishing, `cairn publish`): calls
 * authenticated with a user's API key, `Basic base64(<API key GUID>)`, never a robot GUID. Same
 * path table, transport and error kinds as the robot's client; the messages name the API key.
 */

export type IntegrationConfig = {
  url: string;
  apiKey: string;
  insecure?: boolean;
  /** Per-request deadline (default 15 s); uploads get `transferTimeoutMs` (default 120 s). */
  timeoutMs?: number;
  transferTimeoutMs?: number;
  /** Extra attempts after a network error, timeout or 5xx on reads (default 2). Uploads are never repeated. */
  retries?: number;
  retryBaseMs?: number;
  paths?: PathOverrides;
  warn?: (line: string) => void;
};

/** A global variable (Text) or credential (Credentials) of the Orchestrator; passwords are never kept. */
export type OrchestratorAssetSummary = { guid: string; name: string; type: 'text' | 'credentials' | 'other'; description: string; value: string | null };

export type UploadInput = { processGuid: string; version: string; notes: string; file: Buffer; fileName: string };

const ASSET_TYPES: Record<number, OrchestratorAssetSummary['type']> = { 1: 'credentials', 2: 'text' };

export class IntegrationClient {
  readonly url: string;
  private readonly send: (call: PathName, input?: CallInput) => Promise<CallResult>;
  private readonly sendOnce: (call: PathName, input?: CallInput) => Promise<CallResult>;
  private readonly transferTimeoutMs: number;

  constructor(config: IntegrationConfig) {
    this.url = config.url.replace(/\/+$/, '');
    this.transferTimeoutMs = config.transferTimeoutMs ?? 120_000;
    const transport = (retries: number) =>
      createTransport({
        baseUrl: config.url,
        credential: config.apiKey,
        paths: resolvePaths(config.paths),
        timeoutMs: config.timeoutMs ?? 15_000,
        retries,
        retryBaseMs: config.retryBaseMs ?? 300,
        retryMaxMs: 5_000,
        maxContentLength: 10 * 1024 * 1024,
        insecure: config.insecure ?? false,
        warn: config.warn ?? ((line) => console.warn(line)),
      });
    const reads = transport(config.retries ?? 2);
    // An upload whose answer was lost may have created the version: never send it twice.
    const once = transport(0);
    this.send = (call, input) => reads(call, input).catch((error: unknown) => Promise.reject(this.explain(error)));
    this.sendOnce = (call, input) => once(call, input).catch((error: unknown) => Promise.reject(this.explain(error)));
  }

  /** The robot transport's 401 message speaks of a robot GUID; here the credential is an API key. */
  private explain(error: unknown): unknown {
    if (!(error instanceof OrchestratorError)) return error;
    if (error.kind === 'unauthorized') {
      const why =
        error.status === 403
          ? 'it is known but may not do this (a robot GUID, or a key without the right)'
          : 'it is unknown or malformed';
      return new OrchestratorError({
        kind: 'unauthorized',
        call: error.call,
        url: error.url,
        status: error.status,
        cause: error,
        message: `The Orchestrator at ${this.url} refused the API key (HTTP ${error.status}): ${why}. Check the API key.`,
      });
    }
    if (error.status === 413) {
      return new OrchestratorError({
        kind: 'tooLarge',
        call: error.call,
        url: error.url,
        status: 413,
        cause: error,
        message: `The Orchestrator at ${this.url} refused the package as too large (HTTP 413). ${error.message.replace(/^.*?HTTP 413:?\s*/, '')}`.trim(),
      });
    }
    return error;
  }

  async listProcesses(): Promise<OrchestratorProcess[]> {
    const value = parseJson('processRead', await this.send('processRead'));
    if (!Array.isArray(value)) throw garbage('processRead', this.url, 'a list of processes');
    return value.filter(isObject).map(toProcess).filter((p) => p.guid !== '');
  }

  async findProcess(guid: string): Promise<OrchestratorProcess | null> {
    const wanted = guid.trim().toLowerCase();
    return (await this.listProcesses()).find((p) => p.guid.toLowerCase() === wanted) ?? null;
  }

  async createProcess(name: string, description = ''): Promise<{ guid: string }> {
    // ProcessType 1: a package (the vendor's term for a published project), not a script.
    const result = await this.sendOnce('processCreate', { body: toForm({ Name: name, Description: description, ProcessType: 1 }) });
    return { guid: parseGuid('processCreate', result) };
  }

  async listVersions(processGuid: string): Promise<ProcessVersion[]> {
    const value = parseJson('processVersionList', await this.send('processVersionList', { params: { processGuid } }));
    if (!Array.isArray(value)) throw garbage('processVersionList', this.url, 'a list of versions');
    return value.filter(isObject).map(toVersion);
  }

  /** `POST processVersion/create`, multipart: Name, Description, ProcessGuid, ProcessFile. Sent once. */
  async uploadVersion(input: UploadInput): Promise<{ guid: string }> {
    const body = new FormData();
    body.append('Name', input.version);
    body.append('Description', input.notes);
    body.append('ProcessGuid', input.processGuid);
    body.append('ProcessFile', new Blob([new Uint8Array(input.file)], { type: 'application/zip' }), input.fileName);
    const result = await this.sendOnce('processVersionCreate', { body, timeoutMs: this.transferTimeoutMs });
    return { guid: parseGuid('processVersionCreate', result) };
  }

  async listAssets(): Promise<OrchestratorAssetSummary[]> {
    const value = parseJson('assetList', await this.send('assetList'));
    if (!Array.isArray(value)) throw garbage('assetList', this.url, 'a list of assets');
    return value.filter(isObject).map((raw) => {
      const type = ASSET_TYPES[num(raw, 'type')] ?? 'other';
      // A credential's login is harmless to show; its password is dropped even if sent.
      return { guid: text(raw, 'guid'), name: text(raw, 'name'), type, description: text(raw, 'description'), value: raw.text == null ? null : text(raw, 'text') };
    });
  }
}

function garbage(call: string, url: string, expected: string): OrchestratorError {
  return new OrchestratorError({
    kind: 'notJson',
    call,
    url,
    message: `The Orchestrator's answer to ${call} is JSON but not ${expected}. Is ${url} really an Orchestrator?`,
  });
}
