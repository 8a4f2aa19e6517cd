import type { CliCommand } from './command.js';

/** Loaded on demand so `cairn validate` does not pay for Playwright or SQLite. */
const commands: Record<string, () => Promise<{ command: CliCommand }>> = {
  run: () => import('./commands/run.js'),
  validate: () => import('./commands/validate.js'),
  new: () => import('./commands/new.js'),
  docs: () => import('./commands/docs.js'),
  designer: () => import('./commands/designer.js'),
  assistant: () => import('./commands/assistant.js'),
  robot: () => import('./commands/robot.js'),
  orchestrator: () => import('./commands/orchestrator.js'),
};

async function help(): Promise<string> {
  const lines = ['Cairn — desktop RPA. Usage: cairn <command> [options]', ''];
  for (const load of Object.values(commands)) {
    const { command } = await load();
    lines.push(`  ${command.usage}`, `      ${command.summary}`);
  }
  lines.push('', 'cairn <command> --help shows the options of one command.');
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(await help());
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    console.error(`cairn: unknown command "${name}". Run "cairn --help" for the list.`);
    return 2;
  }
  const { command } = await load();
  return command.run(rest);
}
