import type { CliCommand } from '../command.js';

// Placeholder until its issue lands; replaced by the real command.
export const command: CliCommand = {
  name: 'validate',
  summary: 'not built yet',
  usage: 'cairn validate',
  async run() {
    console.error('cairn validate: not built yet');
    return 1;
  },
};
