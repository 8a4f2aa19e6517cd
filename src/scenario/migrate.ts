import { SCENARIO_FORMAT_VERSION } from './schema.js';

/**
 * Older scenario formats are upgraded step by step, one function per version, so a file of any
 * past version loads: v0 → v1 → … → current. Each step takes and returns raw JSON (before the
 * schema check), because an old document does not satisfy today's schema. Browser-safe.
 */

type RawDoc = Record<string, unknown>;
type Migration = (doc: RawDoc) => RawDoc;

const FORMAT_PREFIX = 'cairn.scenario/';

/** The version number of a `cairn.scenario/N` format string, or undefined when it is not one. */
export function scenarioFormatVersion(format: unknown): number | undefined {
  if (typeof format !== 'string' || !format.startsWith(FORMAT_PREFIX)) return undefined;
  const rest = format.slice(FORMAT_PREFIX.length);
  return /^\d+$/.test(rest) ? Number(rest) : undefined;
}

/**
 * Version 0 was the pre-release draft (Designer prototype): graph-library vocabulary
 * (`nodes` with `x`/`y`, `edges` with `source`/`sourceHandle`/`target`), a node caption in
 * `label`, variable types named after JavaScript (`string`, `object`, `array`, `date`,
 * `password`) and no scenario id.
 */
const v0TypeNames: Record<string, string> = {
  string: 'text',
  object: 'dictionary',
  array: 'list',
  date: 'datetime',
  password: 'secret',
};

function v0ToV1(doc: RawDoc): RawDoc {
  const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const asRecord = (value: unknown): RawDoc =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as RawDoc) : {};

  const variables = asArray(doc.variables).map((raw) => {
    const { type, ...rest } = asRecord(raw);
    const renamed = typeof type === 'string' ? (v0TypeNames[type] ?? type) : type;
    return renamed === undefined ? rest : { ...rest, type: renamed };
  });
  const blocks = asArray(doc.nodes).map((raw) => {
    const { id, type, x, y, label, ...rest } = asRecord(raw);
    return {
      id,
      type,
      at: [typeof x === 'number' ? x : 0, typeof y === 'number' ? y : 0],
      ...(typeof label === 'string' && label !== '' ? { title: label } : {}),
      ...rest,
    };
  });
  const links = asArray(doc.edges).map((raw) => {
    const edge = asRecord(raw);
    return { from: edge.source, port: edge.sourceHandle ?? 'next', to: edge.target };
  });
  const { nodes: _nodes, edges: _edges, ...rest } = doc;
  return {
    ...rest,
    format: `${FORMAT_PREFIX}1`,
    id: typeof doc.id === 'string' && doc.id !== '' ? doc.id : globalThis.crypto.randomUUID(),
    name: typeof doc.name === 'string' && doc.name !== '' ? doc.name : 'Untitled',
    variables,
    blocks,
    links,
  };
}

/** `migrations[n]` upgrades a version-n document to version n+1. */
const migrations: Record<number, Migration> = { 0: v0ToV1 };

/** The oldest version the chain can still read. */
export const OLDEST_SCENARIO_VERSION = 0;

/** Upgrades a raw document of `fromVersion` (≤ current) to the current format. */
export function migrateScenario(doc: RawDoc, fromVersion: number): RawDoc {
  let current = doc;
  for (let version = fromVersion; version < SCENARIO_FORMAT_VERSION; version++) {
    const step = migrations[version];
    if (!step) throw new Error(`No migration from scenario format ${version} to ${version + 1}`);
    current = step(current);
  }
  return current;
}
