import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { createRunnerPool, type RunnerPool } from '../../engine/runner/pool.js';
import type { RunHandle, RunRequest, RunResult, RunSummary } from '../../engine/types.js';
import type { Scenario } from '../../scenario/schema.js';
import type { VendorArgument } from '../argsFile.js';
import type { CliCommand } from '../command.js';
import { debugPrompt } from '../debugPrompt.js';
import { EXIT_USAGE, parseOptions, pickLanguage, UsageError, withUsage } from '../options.js';
import { humanOutput, jsonOutput, type RunOutput } from '../runOutput.js';
import { terminalDialogs } from '../dialogs.js';
import { orchestratorServicesFor } from '../../robot/connectedServices.js';

const USAGE =
  'cairn run <project-dir|file.scenario.json> [--var name=value …] [--args args.json] [--json] [--debug-break <blockId> …] [--stop-grace S] [--max-memory MB] [--lang en|ru] [--orchestrator URL --guid GUID [--insecure]]';

export const exitCodes: Record<RunResult, number> = { success: 0, failed: 1, stopped: 3, aborted: 4 };

/** A positive number flag, or undefined when not given. */
function positive(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!(value > 0) || !Number.isFinite(value)) throw new UsageError(`--${flag} must be a positive number, got "${raw}"`);
  return value;
}

function parseVars(pairs: readonly string[]): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--var expects name=value, got "${pair}"`);
    vars[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return vars;
}

/** Arguments the scenario does not take are a usage error before anything starts. */
function checkArguments(doc: Scenario, args: Record<string, unknown>): void {
  const inputs = doc.variables
    .filter((v) => v.direction === 'in' || v.direction === 'inout')
    .map((v) => v.name);
  for (const name of Object.keys(args)) {
    if (!inputs.includes(name)) {
      throw new UsageError(
        `scenario "${doc.name}" has no input argument "${name}" (its inputs: ${inputs.join(', ') || 'none'})`,
      );
    }
  }
}

/** Ctrl+C once: soft stop; twice: abort. */
function interruptHandler(handle: RunHandle, output: RunOutput): () => void {
  let count = 0;
  return () => {
    count++;
    if (count === 1) {
      output.note('Stopping after the current block… (Ctrl+C again to abort)');
      handle.stop();
    } else {
      output.note('Aborting.');
      handle.abort();
    }
  };
}

type Checked = { file: string; doc?: Scenario; problems: { severity: string }[] }[];

/** Shows what validation found (NDJSON or text); true when an error stops the run. */
function reportProblems<C extends Checked>(checked: C, json: boolean, lang: 'en' | 'ru', printProblems: (checked: C, lang: 'en' | 'ru') => boolean): boolean {
  if (json) {
    for (const { file, problems } of checked) if (problems.length > 0) console.log(JSON.stringify({ type: 'validation', file, problems }));
  }
  const invalid = json ? checked.some((c) => c.problems.some((p) => p.severity === 'error')) : printProblems(checked, lang);
  if (invalid && !json) console.error(lang === 'ru' ? 'Сценарий не запущен: исправьте ошибки выше.' : 'Not started: fix the errors above.');
  return invalid;
}

/** `--debug-break` ids, each a block of the scenario or of one it invokes. */
function checkBreakpoints(breakpoints: string[], checked: Checked, doc: Scenario): string[] {
  const blockIds = new Set(checked.flatMap((c) => c.doc?.blocks.map((b) => b.id) ?? []));
  for (const id of breakpoints) {
    if (!blockIds.has(id)) throw new UsageError(`--debug-break: no block "${id}" in "${doc.name}" or the scenarios it invokes`);
  }
  return breakpoints;
}

/** `--orchestrator URL --guid GUID [--insecure]`: both or neither. */
function orchestratorConnection(url: string | undefined, guid: string | undefined, insecureTls: boolean) {
  if ((url === undefined) !== (guid === undefined))
    throw new UsageError('--orchestrator URL and --guid GUID go together (the robot GUID the Orchestrator blocks use)');
  if (url !== undefined && !/^https?:\/\/\S+$/i.test(url)) throw new UsageError(`--orchestrator must be an http:// or https:// URL, got "${url}"`);
  return url && guid ? { url, robotGuid: guid, insecureTls } : null;
}

const RUN_OPTIONS = {
  var: { type: 'string', multiple: true },
  args: { type: 'string' },
  json: { type: 'boolean' },
  'debug-break': { type: 'string', multiple: true },
  'stop-grace': { type: 'string' },
  'max-memory': { type: 'string' },
  lang: { type: 'string' },
  orchestrator: { type: 'string' },
  guid: { type: 'string' },
  insecure: { type: 'boolean' },
} as const;

const HELP = [
  `usage: ${USAGE}`,
  '  --stop-grace S   after Ctrl+C, how long the running block may take before the run is aborted (default 30)',
  '  --max-memory MB  heap limit of the engine; beyond it the run fails "ran out of memory" (default 2048)',
  'Exit codes: 0 success, 1 failed, 2 usage or validation error, 3 stopped, 4 aborted.',
].join('\n');

type RunValues = ReturnType<typeof parseOptions<typeof RUN_OPTIONS>>['values'];

type Limits = { graceSeconds?: number; memoryLimitMb?: number };

/** The engine's run request from the command line's limits and breakpoints. */
function runRequest(values: RunValues, limits: Limits, scenarioPath: string, args: Record<string, unknown>, breakpoints: string[]): RunRequest {
  const { graceSeconds, memoryLimitMb } = limits;
  return {
    target: scenarioPath,
    args,
    trace: values.json === true || process.stdout.isTTY === true,
    ...(graceSeconds !== undefined ? { stopGraceMs: Math.round(graceSeconds * 1000) } : {}),
    ...(memoryLimitMb !== undefined ? { memoryLimitMb: Math.max(16, Math.round(memoryLimitMb)) } : {}),
    ...(breakpoints.length > 0 ? { mode: 'debug' as const, debug: { breakpoints } } : {}),
  };
}

/** Shows the run as it goes (with the debug prompt at breakpoints) until it ends; Ctrl+C stops it. */
async function followRun(handle: RunHandle, output: RunOutput, debugging: boolean, json: boolean): Promise<RunSummary> {
  const prompt = debugging ? debugPrompt(handle, output, json) : undefined;
  handle.onEvent((event) => {
    output.event(event);
    if (event.type === 'paused') prompt?.paused(event);
  });
  const onInterrupt = interruptHandler(handle, output);
  process.on('SIGINT', onInterrupt);
  try {
    return await handle.done;
  } finally {
    process.off('SIGINT', onInterrupt);
    prompt?.close();
  }
}

async function run(argv: string[], runners: () => RunnerPool): Promise<number> {
  const { values, positionals } = parseOptions(argv, RUN_OPTIONS, { min: 1, max: 1 });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const lang = pickLanguage(values.lang);
  const limits: Limits = { graceSeconds: positive('stop-grace', values['stop-grace']), memoryLimitMb: positive('max-memory', values['max-memory']) };
  // The runner process starts first and loads the engine while this process loads the
  // validation (the catalog, the schemas) and checks the scenario: on two cores, in parallel.
  const pool = runners();
  const [{ resolveRunTarget }, { checkWithInvoked }, { printProblems }, { inArguments, readArgsFile, writeOutArguments }] = await Promise.all([
    import('../../scenario/io.js'),
    import('../../engine/projectCheck.js'),
    import('../check.js'),
    import('../argsFile.js'),
  ]);
  const target = await resolveRunTarget(positionals[0]);

  const checked = await checkWithInvoked(target.scenarioPath, target.projectDir);
  const doc = checked[0].doc;
  if (reportProblems(checked, values.json === true, lang, printProblems) || !doc) return EXIT_USAGE;

  const argsFile = values.args === undefined ? undefined : resolve(values.args);
  const fileArgs: VendorArgument[] = argsFile ? await readArgsFile(argsFile) : [];
  const args = { ...(argsFile ? inArguments(fileArgs, argsFile) : {}), ...parseVars(values.var ?? []) };
  checkArguments(doc, args);

  const breakpoints = checkBreakpoints(values['debug-break'] ?? [], checked, doc);
  // Orchestrator blocks (assets, credentials, queues, log, screenshot) reach it only with a connection.
  const orchestrator = orchestratorServicesFor(
    orchestratorConnection(values.orchestrator, values.guid, values.insecure === true),
    {
      runGuid: randomUUID(),
      howToConnect: 'Pass --orchestrator URL --guid GUID to `cairn run` to connect this run.',
      warn: (line) => console.error(line),
    },
  );
  const output = values.json ? jsonOutput(process.stdout) : humanOutput(process.stdout, process.stderr);
  const handle = pool.startRun(
    runRequest(values, limits, target.scenarioPath, args, breakpoints),
    // Dialog blocks talk to the user on this terminal (src/cli/dialogs.ts).
    { ...terminalDialogs(output), ...orchestrator.services },
  );
  const summary = await followRun(handle, output, breakpoints.length > 0, values.json === true);
  await orchestrator.settle();
  output.finish(summary);
  if (argsFile && summary.result === 'success')
    await writeOutArguments(argsFile, fileArgs, summary.outputs, doc);
  return exitCodes[summary.result];
}

export const command: CliCommand = {
  name: 'run',
  summary: 'Runs a project (its main scenario) or one scenario file; validates it first.',
  usage: USAGE,
  run: (argv) =>
    withUsage('run', USAGE, async () => {
      let pool: RunnerPool | undefined;
      try {
        return await run(argv, () => (pool = createRunnerPool({ keepWarm: false })));
      } catch (error) {
        const { ScenarioLoadError } = await import('../../scenario/io.js');
        if (!(error instanceof ScenarioLoadError)) throw error;
        console.error(error.message);
        return EXIT_USAGE;
      } finally {
        // Not started (invalid scenario, bad arguments): the runner started ahead ends here.
        await pool?.dispose();
      }
    }),
};
