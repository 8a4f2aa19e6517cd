import { formatPath, type ScenarioProblem } from './problems.js';
import { blockSchema, linkSchema, retrySchema, scenarioSchema, variableSchema } from './schema.js';

/**
 * Fields the format does not know are dropped when a document is read, so a hand-edited typo
 * (`"onerror": "handle"`) would silently do nothing and vanish on the next save. This finds them
 * so they are reported as warnings. Browser-safe.
 */

type Known = { keys: ReadonlySet<string>; children?: Record<string, Known> };

const keysOf = (schema: { shape: Record<string, unknown> }) => new Set(Object.keys(schema.shape));
const list = (item: Known): Known => item;

const scenarioShape: Known = {
  keys: keysOf(scenarioSchema),
  children: {
    variables: list({ keys: keysOf(variableSchema) }),
    blocks: list({ keys: keysOf(blockSchema), children: { retry: { keys: keysOf(retrySchema) } } }),
    links: list({ keys: keysOf(linkSchema) }),
  },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function walk(value: unknown, known: Known, path: PropertyKey[], out: ScenarioProblem[]): void {
  const visit = (item: unknown, itemPath: PropertyKey[]) => {
    if (!isRecord(item)) return;
    for (const [key, child] of Object.entries(item)) {
      if (!known.keys.has(key)) {
        const where = formatPath([...itemPath, key]);
        out.push({
          severity: 'warning',
          code: 'schema.unknownKey',
          path: where,
          message: {
            en: `Unknown field "${key}" is ignored and will not be saved`,
            ru: `Неизвестное поле "${key}" не используется и не будет сохранено`,
          },
        });
      } else if (known.children?.[key]) {
        walk(child, known.children[key], [...itemPath, key], out);
      }
    }
  };
  if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
  else visit(value, path);
}

/** Warnings for every field of a (current-version) raw scenario that the format does not define. */
export function unknownKeyWarnings(raw: unknown): ScenarioProblem[] {
  const out: ScenarioProblem[] = [];
  walk(raw, scenarioShape, [], out);
  return out;
}
