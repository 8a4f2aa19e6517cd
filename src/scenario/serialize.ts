import {
  blockSchema,
  linkSchema,
  projectSchema,
  retrySchema,
  scenarioSchema,
  variableSchema,
  type Project,
  type Scenario,
} from './schema.js';

/**
 * Document → canonical file text, so git diffs and merges stay readable:
 * - keys in the schema's field order (format, id, name, description, variables, blocks, links;
 *   a block's id, type, at, title, params, outputs, …); unknown keys are not written;
 * - keys of `params` and `outputs` sorted by code point (editing history never reorders them);
 *   values inside a literal parameter keep their own key order — they are user data;
 * - 2-space indentation, each variable / block / link starting its own line; any object or
 *   array that fits in 80 columns is written on one line (`{ "a": 1 }`, `[0, 120]`), otherwise
 *   one member per line;
 * - a trailing newline.
 * A canonical file parses and serializes back byte for byte. Browser-safe.
 */

const MAX_WIDTH = 80;

type Shape = readonly string[];
const keysOf = (schema: { shape: Record<string, unknown> }): Shape => Object.keys(schema.shape);

const scenarioKeys = keysOf(scenarioSchema);
const variableKeys = keysOf(variableSchema);
const blockKeys = keysOf(blockSchema);
const linkKeys = keysOf(linkSchema);
const retryKeys = keysOf(retrySchema);
const projectKeys = keysOf(projectSchema);

/** Copies `source` with keys in `order` first; keys not in `order` are dropped. */
function ordered(
  source: Record<string, unknown>,
  order: Shape,
  nested: Record<string, (value: unknown) => unknown> = {},
) {
  const out: Record<string, unknown> = {};
  for (const key of order) {
    const value = source[key];
    if (value === undefined) continue;
    out[key] = nested[key] ? nested[key](value) : value;
  }
  return out;
}

function sortedKeys(value: unknown): unknown {
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) if (record[key] !== undefined) out[key] = record[key];
  return out;
}

/** The document with canonical key order; the value written to disk. */
export function canonicalScenario(doc: Scenario): Record<string, unknown> {
  return ordered(doc, scenarioKeys, {
    variables: (list) => (list as Scenario['variables']).map((v) => ordered(v, variableKeys)),
    blocks: (list) =>
      (list as Scenario['blocks']).map((b) =>
        ordered(b, blockKeys, {
          params: sortedKeys,
          outputs: sortedKeys,
          retry: (r) => ordered(r as Record<string, unknown>, retryKeys),
        }),
      ),
    links: (list) => (list as Scenario['links']).map((l) => ordered(l, linkKeys)),
  });
}

function inline(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${value.map(inline).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** `prefix` is what precedes the value on its line (indent and key), for the width rule. */
function write(value: unknown, indent: string, prefixWidth: number, forceExpand: boolean): string {
  const flat = inline(value);
  const isContainer = typeof value === 'object' && value !== null;
  if (!isContainer || (!forceExpand && prefixWidth + flat.length + 1 <= MAX_WIDTH)) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item) => inner + write(item, inner, inner.length, false));
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const lines = entries.map(([key, v]) => {
    const head = `${inner}${JSON.stringify(key)}: `;
    return head + write(v, inner, head.length, false);
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

/** Top level and its arrays always one entry per line; deeper values per the width rule. */
function writeDocument(doc: Record<string, unknown>): string {
  const lines = Object.entries(doc).map(([key, value]) => {
    const head = `  ${JSON.stringify(key)}: `;
    return head + write(value, '  ', head.length, Array.isArray(value));
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}

export function serializeScenario(doc: Scenario): string {
  return writeDocument(canonicalScenario(doc));
}

export function serializeProject(project: Project): string {
  return writeDocument(ordered(project, projectKeys, { dependencies: sortedKeys }));
}
