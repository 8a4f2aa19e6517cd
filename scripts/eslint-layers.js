// @ts-check
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `cairn/layers`: the import rules of DESIGN.md §1, checked on what an import RESOLVES to (a folder
 * of the repository), not on how its path is spelt, so `../../engine/x.js` and
 * `../engine/runner/y.js` are judged alike and a category named like a layer is never confused
 * with it. Options: `{ forbid: Rule[] }`, each rule
 * `{ folders?: string[], packages?: string[], builtins?: true, except?: string[], message }`:
 * - `folders`: repository folders or files (`src/engine`, `src/api/service.ts`) not to import;
 * - `except`: folders or files inside those that stay allowed (`src/orchestrator/protocol.ts`);
 * - `packages`: package names (a name covers its sub-paths, `react` covers `react/jsx-runtime`);
 * - `builtins`: Node built-in modules (`fs`, `node:fs` …).
 * `testKits: true` (the test override) allows every `testing/` folder (and `testing.ts`): test kits wire real parts
 * of several layers together, production code never imports them. Type-only imports count too:
 * a layer that knows another's types is coupled to it.
 */

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
/**
 * @typedef {{ folders?: string[], packages?: string[], builtins?: boolean, except?: string[], message: string }} LayerRule
 * @typedef {{ forbid?: LayerRule[], testKits?: boolean }} LayerOptions
 */

const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/**
 * `a/b/c.js` inside `a/b` or equal to `a/b/c.ts` (sources import `.js`, files are `.ts`).
 * @param {string} target
 * @param {string} folder
 */
function inside(target, folder) {
  const bare = folder.replace(/\.(ts|tsx|js)$/, '');
  const file = target.replace(/\.(ts|tsx|js|jsx)$/, '');
  return target === folder || target.startsWith(`${folder}/`) || file === bare;
}

/** A `testing/` folder, or a `testing.ts` left at a helper's old path as a re-export. */
/** @param {string} target */
function isTestKit(target) {
  return target.split('/').some((part) => part.replace(/\.(ts|js)$/, '') === 'testing');
}

/** @param {string} source */
function packageName(source) {
  const parts = source.split('/');
  return source.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const testKitRule = { message: 'a test kit (testing/): tests import it, production code never does.' };

/** @type {import('eslint').Rule.RuleModule} */
const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layers of DESIGN.md §1' },
    schema: [
      {
        type: 'object',
        properties: {
          forbid: { type: 'array', items: { type: 'object' } },
          testKits: { type: 'boolean' },
        },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const { forbid = [], testKits = false } = /** @type {LayerOptions} */ (context.options[0] ?? {});
    const fileDir = path.dirname(context.filename);

    /**
     * The rule an import breaks, or undefined.
     * @param {string} source
     * @returns {{ message: string } | undefined}
     */
    function broken(source) {
      if (source.startsWith('.')) {
        const target = path.relative(root, path.resolve(fileDir, source)).split(path.sep).join('/');
        if (isTestKit(target)) return testKits ? undefined : testKitRule;
        return forbid.find(
          (rule) => rule.folders?.some((folder) => inside(target, folder)) && !rule.except?.some((folder) => inside(target, folder)),
        );
      }
      if (builtins.has(source)) return forbid.find((rule) => rule.builtins === true);
      const name = packageName(source);
      return forbid.find((rule) => rule.packages?.includes(name));
    }

    /**
     * @param {import('estree').Node} node
     * @param {unknown} source
     */
    function check(node, source) {
      if (typeof source !== 'string') return;
      const rule = broken(source);
      if (rule) context.report({ node, message: `"${source}": ${rule.message}` });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export const layersPlugin = { rules: { layers } };
