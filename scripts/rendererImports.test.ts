import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Lint checks each import of the renderer; this checks what those imports pull in, transitively:
 * esbuild follows the renderer's whole module graph (packages left out: they are the browser
 * bundle's business) and every file of ours in it must be one the renderer may run — the
 * browser-safe scenario model and the contract's modules — and nothing may need a Node built-in.
 */
const repo = fileURLToPath(new URL('..', import.meta.url));
const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
const allowed = [/^renderer\//, /^src\/scenario\/(?!io\.ts$|fuzz\/)/, /^src\/api\/(contract|wire|errors|channels|schemas|assistantCommands|orchestratorCommands|debugCommands|pickerCommands)\.ts$/];

type Entry = { entryPoints: string[] } | { stdin: { contents: string; resolveDir: string; sourcefile: string; loader: 'ts' } };

/** Files of ours outside the renderer's allowance, and Node built-ins, in the graph of `entry`. */
async function rendererProblems(entry: Entry): Promise<string[]> {
  const result = await build({
    ...entry,
    absWorkingDir: repo,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'browser',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
    loader: { '.css': 'empty', '.svg': 'empty', '.png': 'empty' },
    outdir: 'dist/renderer-imports-check',
  });
  const problems: string[] = [];
  for (const [file, { imports }] of Object.entries(result.metafile.inputs)) {
    if (file !== '<stdin>' && !allowed.some((rule) => rule.test(file))) problems.push(`${file} is not for the renderer`);
    for (const imported of imports) if (builtins.has(imported.path)) problems.push(`${file} imports the Node built-in ${imported.path}`);
  }
  return problems;
}

const planted = (contents: string): Entry => ({ stdin: { contents, resolveDir: `${repo}renderer/app`, sourcefile: 'planted.ts', loader: 'ts' } });

describe('what the renderer runs is browser-safe, transitively', () => {
  it('the Designer and the Assistant pull in only the scenario model and the contract', async () => {
    expect(await rendererProblems({ entryPoints: ['renderer/main.tsx'] })).toEqual([]);
  });

  it('catches a forbidden module reached through an allowed one', async () => {
    // The contract's values (not its types) import the block API and the command tables.
    const problems = await rendererProblems(planted("import { commands } from '../../src/api/contract.js'; console.log(commands);"));
    expect(problems).toContain('src/activities/define.ts is not for the renderer');
  });

  it('catches a Node built-in anywhere in the graph', async () => {
    const problems = await rendererProblems(planted("import { readScenarioFile } from '../../src/scenario/io.js'; console.log(readScenarioFile);"));
    expect(problems).toEqual(expect.arrayContaining(['src/scenario/io.ts is not for the renderer', expect.stringMatching(/^src\/scenario\/io\.ts imports the Node built-in node:fs/)]));
  });
});
