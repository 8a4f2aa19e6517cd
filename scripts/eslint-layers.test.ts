import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of DESIGN.md §1 as `npm run lint` applies them: a forbidden import planted in
 * each layer must be refused, and the allowed import beside it must pass (so a rule that refuses
 * everything fails too). Only the `cairn/layers` part of the config runs, without type
 * information, so planted files need not exist.
 */
type ConfigEntry = { rules?: Record<string, unknown> };
// The config is JavaScript without declarations: loaded by URL, typed here.
const { default: config } = (await import(new URL('../eslint.config.js', import.meta.url).href)) as { default: ConfigEntry[] };
const layerConfigs = config.filter((entry) => entry.rules && 'cairn/layers' in entry.rules);
const eslint = new ESLint({
  cwd: new URL('..', import.meta.url).pathname,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } }, ...(layerConfigs as never[])],
});

async function refusals(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\n`, { filePath });
  return result.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

// [file, import that breaks a rule, import that is fine]
const cases: [string, string, string][] = [
  ['src/scenario/planted.ts', '../engine/run.js', './schema.js'],
  ['src/scenario/planted.ts', 'node:fs', 'acorn'],
  ['src/scenario/expressions/planted.ts', '../../activities/define.js', '../schema.js'],
  ['src/activities/core/planted.ts', '../../orchestrator/client.js', '../../orchestrator/protocol.js'],
  ['src/activities/core/planted.ts', '../../publish/publish.js', '../define.js'],
  ['src/activities/core/planted.ts', '../../engine/params.js', '../../scenario/expressions/compile.js'],
  ['src/activities/core/planted.ts', 'electron', 'node:fs'],
  ['src/engine/planted.ts', '../robot/robot.js', '../activities/catalog.js'],
  ['src/engine/planted.ts', '../store/outbox.js', './values.js'],
  ['src/engine/planted.ts', './testing/scenarios.js', './run.js'],
  ['src/orchestrator/planted.ts', '../robot/robot.js', '../store/outbox.js'],
  ['src/orchestrator/planted.ts', '../engine/run.js', './protocol.js'],
  ['src/store/planted.ts', '../robot/robot.js', './database.js'],
  ['src/picker/planted.ts', '../api/service.js', '../activities/web/lib/locate.js'],
  ['src/robot/planted.ts', '../api/service.js', '../engine/runner/index.js'],
  ['src/robot/planted.ts', '../host/host.js', '../orchestrator/client.js'],
  ['src/publish/planted.ts', '../robot/robot.js', '../scenario/io.js'],
  ['src/api/planted.ts', '../host/host.js', '../robot/robot.js'],
  ['src/api/planted.ts', 'react', './errors.js'],
  ['src/util/planted.ts', '../store/database.js', './backoff.js'],
  ['src/activities/core/planted.ts', '../../store/backoff.js', '../../util/backoff.js'],
  ['src/scenario/planted.ts', '../util/atomicWrite.js', './values.js'],
  ['src/scenario/io.ts', '../engine/run.js', '../util/atomicWrite.js'],
  ['src/static/planted.ts', '../api/service.js', './csp.js'],
  ['src/host/planted.ts', '../cli/main.js', '../api/service.js'],
  ['src/host/planted.ts', '../../main/ipc.js', '../static/csp.js'],
  ['src/cli/planted.ts', '../../main/ipc.js', '../host/host.js'],
  ['src/cli/planted.ts', 'react', '../api/service.js'],
  ['main/planted.ts', '../src/host/host.js', '../src/static/csp.js'],
  ['main/planted.ts', '../src/cli/main.js', '../src/api/service.js'],
  ['main/planted.ts', '../renderer/main.js', 'electron'],
  ['main/preload.ts', 'node:fs', 'electron'],
  ['main/preload.ts', '../src/api/service.js', '../src/api/channels.js'],
  ['renderer/app/planted.tsx', '../../src/api/service.js', '../../src/api/contract.js'],
  ['renderer/app/planted.tsx', '../../src/api/secrets.js', '../../src/api/errors.js'],
  ['renderer/app/planted.tsx', '../../src/api/handlers/runs.js', '../../src/scenario/schema.js'],
  ['renderer/app/planted.tsx', '../../src/activities/catalog.js', '../../src/scenario/expressions/rename.js'],
  ['renderer/app/planted.tsx', '../../src/scenario/io.js', '../model/expressions.js'],
  ['renderer/app/planted.tsx', 'node:path', 'react'],
  ['renderer/app/planted.tsx', 'electron', 'zustand'],
  ['renderer/app/planted.tsx', '../../main/ipc.js', '../bridge/index.js'],
  // Tests may use every test kit, but keep their layer's other rules.
  ['src/activities/core/planted.test.ts', '../../robot/robot.js', '../../engine/testing/scenarios.js'],
  ['src/activities/core/planted.test.ts', '../../store/outbox.js', '../../robot/testing/robotHost.js'],
];

describe('lint enforces the layers of DESIGN.md §1', () => {
  it.each(cases)('%s: refuses "%s", accepts "%s"', async (file, forbidden, allowed) => {
    const refused = await refusals(file, `import { x } from '${forbidden}';\nexport const y = x;`);
    expect(refused).toEqual([expect.stringMatching(new RegExp(`^cairn/layers: "${forbidden.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}": `))]);
    expect(await refusals(file, `import { x } from '${allowed}';\nexport const y = x;`)).toEqual([]);
  });

  it('judges re-exports, dynamic imports and type-only imports alike', async () => {
    expect(await refusals('src/engine/planted.ts', "export { x } from '../robot/robot.js';")).toHaveLength(1);
    expect(await refusals('src/engine/planted.ts', "export * from '../api/service.js';")).toHaveLength(1);
    expect(await refusals('src/engine/planted.ts', "export const load = () => import('../robot/robot.js');")).toHaveLength(1);
    expect(await refusals('src/engine/planted.ts', "import type { Robot } from '../robot/robot.js';\nexport type R = Robot;")).toHaveLength(1);
  });
});
