import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BUMPS, type Bump } from '../../publish/semver.js';
import type { PublishResult, PublishStep } from '../../publish/publish.js';
import { checkProject } from '../../engine/projectCheck.js';
import { printProblems } from '../check.js';
import type { CliCommand } from '../command.js';
import { EXIT_USAGE, parseOptions, UsageError, withUsage } from '../options.js';
import { CONNECTION_HELP, connect, connectionOptions, failureMessage } from '../orchestratorOptions.js';

const USAGE =
  'cairn publish <project-dir> --orchestrator URL --api-key KEY (--process GUID | --process-name NAME) [--version X.Y.Z | --bump patch|minor|major] [--notes TEXT] [--insecure] [--json]';

const HELP = `usage: ${USAGE}

Validates the whole project, packs it with the new version in its manifest, and uploads it to the
Orchestrator as a new version of the process (POST /api/processVersion/create). The new version is
written into cairn.project.json only after the upload succeeded. See docs/publishing.md.

  --process GUID       the process to publish to (must exist)
  --process-name NAME  the process by name; created when the Orchestrator has none of that name
  --bump KIND          patch (default), minor or major: the project's version, bumped
  --version X.Y.Z      an explicit new version (not older than the current one)
  --notes TEXT         release notes (the version's Description)
${CONNECTION_HELP}

Exit codes: 0 published · 1 the Orchestrator refused or could not be reached · 2 usage error, or
the project has validation errors (nothing was uploaded).`;

const STEPS: Record<PublishStep, string> = {
  validating: 'Validating the project…',
  packing: 'Packing…',
  connecting: 'Checking the process on the Orchestrator…',
  uploading: 'Uploading…',
  saving: 'Saving the new version in cairn.project.json…',
};

function bumpOf(value: string | undefined): Bump | undefined {
  if (value === undefined) return undefined;
  if (!(BUMPS as readonly string[]).includes(value)) throw new UsageError(`--bump must be patch, minor or major, got "${value}"`);
  return value as Bump;
}

export const command: CliCommand = {
  name: 'publish',
  summary: 'Publish a project to the Orchestrator as a new process version (with a version bump).',
  usage: USAGE,
  run: (argv) =>
    withUsage('publish', USAGE, async () => {
      const { values, positionals } = parseOptions(
        argv,
        {
          ...connectionOptions,
          process: { type: 'string' },
          'process-name': { type: 'string' },
          version: { type: 'string' },
          bump: { type: 'string' },
          notes: { type: 'string' },
        },
        { min: 1, max: 1 },
      );
      if (values.help) {
        console.log(HELP);
        return 0;
      }
      const bump = bumpOf(values.bump);
      if (bump && values.version) throw new UsageError('--bump and --version exclude each other');
      if (!values.process === !values['process-name']) throw new UsageError('give exactly one of --process GUID and --process-name NAME');
      const dir = resolve(positionals[0]);
      if (!(await stat(dir).catch(() => undefined))?.isDirectory()) throw new UsageError(`not a folder: ${dir}`);
      const client = await connect(values);
      const json = values.json === true;
      const say = (line: string) => (json ? undefined : console.error(line));
      const { publishProject, PublishError } = await import('../../publish/publish.js');
      let result: PublishResult;
      try {
        result = await publishProject({
          projectDir: dir,
          client,
          target: values.process ? { processGuid: values.process } : { processName: values['process-name'] as string },
          bump,
          version: values.version,
          notes: values.notes,
          check: checkProject,
          onProgress: (step) => say(STEPS[step]),
        });
      } catch (error) {
        if (error instanceof PublishError && error.code === 'invalid') {
          if (json) {
            const problems = error.problems.flatMap((r) => r.problems.map((p) => ({ file: r.file, ...p })));
            console.log(JSON.stringify({ published: false, error: { code: 'invalid', message: error.message }, problems }, null, 2));
          } else printProblems(error.problems, 'en', (line) => console.error(line));
          console.error(`cairn publish: ${error.message}`);
          return EXIT_USAGE;
        }
        const message = failureMessage(error);
        if (message === undefined) throw error;
        const code = error instanceof PublishError ? error.code : ((error as { kind?: string }).kind ?? 'error');
        if (json) console.log(JSON.stringify({ published: false, error: { code, message } }, null, 2));
        console.error(`cairn publish: ${message}`);
        // A version older than the current one is a mistake on the command line.
        return error instanceof PublishError && error.code === 'version' ? EXIT_USAGE : 1;
      }
      if (json) console.log(JSON.stringify({ published: true, ...result }, null, 2));
      else {
        const created = result.processCreated ? ' (process created)' : '';
        console.log(`✔ Published ${result.processName}${created} ${result.previousVersion} → ${result.version} (${result.fileName}, ${result.packageBytes} bytes)`);
        console.log(`  version GUID: ${result.versionGuid}`);
        console.log(`  process GUID: ${result.processGuid}`);
      }
      return 0;
    }),
};
