import type { CliCommand } from '../command.js';

// Placeholder until its issue lands; replaced by the real command.
export const command: CliCommand = {
  name: 'run',
  summary: 'not built yet',
  usage: 'cairn run',
  async run() {
    console.error('cairn run: not built yet');
    return 1;
  },
};
