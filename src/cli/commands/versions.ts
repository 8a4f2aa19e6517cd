import type { CliCommand } from '../command.js';
import { parseOptions, UsageError, withUsage } from '../options.js';
import { CONNECTION_HELP, connect, connectionOptions, failureMessage } from '../orchestratorOptions.js';

const USAGE = 'cairn versions --orchestrator URL --api-key KEY --process GUID [--insecure] [--json]';

const HELP = `usage: ${USAGE}

Lists the versions of a process on the Orchestrator, oldest first: name, GUID, date, notes.

  --process GUID       the process
${CONNECTION_HELP}`;

export const command: CliCommand = {
  name: 'versions',
  summary: "List a process's versions on the Orchestrator.",
  usage: USAGE,
  run: (argv) =>
    withUsage('versions', USAGE, async () => {
      const { values } = parseOptions(argv, { ...connectionOptions, process: { type: 'string' } }, { min: 0, max: 0 });
      if (values.help) {
        console.log(HELP);
        return 0;
      }
      if (!values.process) throw new UsageError('--process GUID is required');
      const client = await connect(values);
      try {
        const process = await client.findProcess(values.process);
        if (!process) {
          console.error(`cairn versions: the Orchestrator at ${client.url} has no process ${values.process}.`);
          return 1;
        }
        const versions = await client.listVersions(process.guid);
        if (values.json) {
          const rows = versions.map(({ raw, ...v }) => ({ ...v, createdAt: typeof raw.created_at === 'string' ? raw.created_at : null }));
          console.log(JSON.stringify({ process: { guid: process.guid, name: process.name }, versions: rows }, null, 2));
          return 0;
        }
        console.log(`${process.name} (${process.guid}): ${versions.length} version${versions.length === 1 ? '' : 's'}`);
        for (const v of versions) {
          const at = typeof v.raw.created_at === 'string' ? v.raw.created_at.slice(0, 19).replace('T', ' ') : '';
          console.log(`  ${v.name.padEnd(12)} ${v.guid}  ${at}${v.description ? `  ${v.description}` : ''}`);
        }
        return 0;
      } catch (error) {
        const message = failureMessage(error);
        if (message === undefined) throw error;
        console.error(`cairn versions: ${message}`);
        return 1;
      }
    }),
};
