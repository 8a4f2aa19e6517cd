import { OrchestratorError, preview } from './errors.js';
import { field, firstObject, isObject, jsonField, num, text, type JsonObject } from './form.js';
import type { CallResult } from './http.js';
import type { Asset, OrchestratorProcess, OrchestratorTask, ProcessVersion } from './types.js';

/**
 * Answers, read tolerantly: JSON parsed (or a notJson error quoting the start of the body),
 * PascalCase or snake_case fields, nested JSON strings or objects, unknown fields ignored.
 */

export function parseJson(call: string, result: CallResult): unknown {
  const body = result.text.trim();
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    throw new OrchestratorError({
      kind: 'notJson',
      call,
      url: result.url,
      status: result.status,
      cause: error,
      message: `The Orchestrator's answer to ${call} is not JSON (${body === '' ? 'empty body' : `starts with: ${preview(body)}`}). Is ${result.url} really an Orchestrator?`,
    });
  }
}

/** A JSON object answer (a one-element list is accepted), or notJson naming what was missing. */
export function parseObject(call: string, result: CallResult, required: string[] = []): JsonObject {
  const value = firstObject(parseJson(call, result));
  const missing = value ? required.filter((name) => field(value, name) === undefined) : required;
  if (!value || missing.length > 0) {
    throw new OrchestratorError({
      kind: 'notJson',
      call,
      url: result.url,
      status: result.status,
      message: `The Orchestrator's answer to ${call} lacks ${missing.join(', ') || 'an object'}: ${preview(result.text)}`,
    });
  }
  return value;
}

/** A created object's GUID, whether answered as `{guid}`, `{GUID}`, a list, or a bare string. */
export function parseGuid(call: string, result: CallResult): string {
  const value = parseJsonOrText(result);
  const guid = typeof value === 'string' ? value : text(firstObject(value), 'guid');
  if (!guid) {
    throw new OrchestratorError({
      kind: 'notJson',
      call,
      url: result.url,
      status: result.status,
      message: `The Orchestrator's answer to ${call} has no guid: ${preview(result.text)}`,
    });
  }
  return guid;
}

function parseJsonOrText(result: CallResult): unknown {
  try {
    return JSON.parse(result.text) as unknown;
  } catch {
    return result.text.trim();
  }
}

const optionalText = (source: unknown, name: string): string | null => {
  const value = field(source, name);
  return value === undefined || value === null ? null : text(source, name);
};

export function toAsset(raw: JsonObject): Asset {
  return {
    guid: text(raw, 'guid'),
    name: text(raw, 'name'),
    type: num(raw, 'type'),
    text: optionalText(raw, 'text'),
    password: optionalText(raw, 'password'),
    description: text(raw, 'description'),
    raw,
  };
}

export function toTask(raw: JsonObject): OrchestratorTask {
  const queueGuid = text(raw, 'queue_guid') || text(raw, 'QueueGuid') || text(raw, 'queue_id');
  return {
    guid: text(raw, 'guid'),
    name: text(raw, 'name'),
    status: num(raw, 'status'),
    queueGuid,
    parameters: jsonField(raw, 'parameters'),
    comment: text(raw, 'comment'),
    raw,
  };
}

export function toProcess(raw: JsonObject): OrchestratorProcess {
  return { guid: text(raw, 'guid'), name: text(raw, 'name'), description: text(raw, 'description'), raw };
}

export function toVersion(raw: JsonObject): ProcessVersion {
  return {
    guid: text(raw, 'guid'),
    processGuid: text(raw, 'process_guid') || text(raw, 'process_id'),
    name: text(raw, 'name'),
    description: text(raw, 'description'),
    fileName: text(raw, 'process_file_name'),
    raw,
  };
}

/** A task inside consumeNextJob: a JSON string, an object, '' or null, under `Task` or `' Task '`. */
export function nestedTask(answer: JsonObject): OrchestratorTask | null {
  const value = jsonField(answer, 'Task');
  return isObject(value) && Object.keys(value).length > 0 ? toTask(value) : null;
}

export function nestedObject(answer: JsonObject, name: string): JsonObject {
  const value = jsonField(answer, name);
  return isObject(value) ? value : {};
}
