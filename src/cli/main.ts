import type { CliCommand } from './command.js';
import { exitQuietlyWhenOutputCloses } from './shutdown.js';

/**
 * The commands: what `cairn --help` prints (kept here, so help loads no command module and none
 * of their libraries; main.test.ts checks it against each module) and how to load the command.
 */
export const commands: Record<string, { usage: string; summary: string; load: () => Promise<{ command: CliCommand }> }> = {
  run: { usage: 'cairn run <project-dir|file.scenario.json> [--var name=value …] [--args args.json] [--json] [--debug-break <blockId> …] [--stop-grace S] [--max-memory MB] [--lang en|ru] [--orchestrator URL --guid GUID [--insecure]]', summary: 'Runs a project (its main scenario) or one scenario file; validates it first.', load: () => import('./commands/run.js') },
  validate: { usage: 'cairn validate <project-dir|file.scenario.json> [--json] [--lang en|ru]', summary: 'Checks a project or scenario file: syntax, format, blocks, links, variables, expressions.', load: () => import('./commands/validate.js') },
  new: { usage: 'cairn new <dir> [--name <project name>]', summary: 'Creates a project with a runnable starter scenario in an empty folder.', load: () => import('./commands/new.js') },
  docs: { usage: 'cairn docs [--out docs/blocks.md] [--lang en|ru]', summary: 'Generates the block reference (Markdown) from the block definitions, in English and Russian.', load: () => import('./commands/docs.js') },
  designer: { usage: 'cairn designer [project-dir] [--port N] [--data DIR] [--open]', summary: 'Opens the Designer in a browser: starts the loopback host (127.0.0.1, token) and prints its URL', load: () => import('./commands/designer.js') },
  assistant: { usage: 'cairn assistant [project-dir-or-package…] [--data DIR] [--port N] [--no-open]', summary: 'Opens the Assistant (run processes, history, Orchestrator connection) in a browser on the loopback host', load: () => import('./commands/assistant.js') },
  robot: { usage: 'cairn robot --orchestrator URL --guid GUID [--scripts-dir DIR] [--insecure] [--once] [--data DIR] [--poll-interval S] [--heartbeat-interval S] [--python PATH] [--stop-grace S] [--max-memory MB]', summary: 'Run the robot agent: take Orchestrator jobs, run them, report through a durable outbox', load: () => import('./commands/robot.js') },
  orchestrator: { usage: 'cairn orchestrator [--port 4500] [--db file] [--host 127.0.0.1] [--no-demo] [--quiet]', summary: 'Start the Orchestrator emulator (demo robot and job included)', load: () => import('./commands/orchestrator.js') },
  publish: { usage: 'cairn publish <project-dir> --orchestrator URL --api-key KEY (--process GUID | --process-name NAME) [--version X.Y.Z | --bump patch|minor|major] [--notes TEXT] [--insecure] [--json]', summary: 'Publish a project to the Orchestrator as a new process version (with a version bump).', load: () => import('./commands/publish.js') },
  versions: { usage: 'cairn versions --orchestrator URL --api-key KEY --process GUID [--insecure] [--json]', summary: "List a process's versions on the Orchestrator.", load: () => import('./commands/versions.js') },
};

function help(): string {
  const lines = ['Cairn — desktop RPA. Usage: cairn <command> [options]', ''];
  for (const { usage, summary } of Object.values(commands)) lines.push(`  ${usage}`, `      ${summary}`);
  lines.push('', 'cairn <command> --help shows the options of one command.');
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  exitQuietlyWhenOutputCloses();
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return name ? 0 : 2;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    console.error(`cairn: unknown command "${name}". Run "cairn --help" for the list.`);
    return 2;
  }
  const { command } = await entry.load();
  return command.run(rest);
}
