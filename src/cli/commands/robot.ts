import type { CliCommand } from '../command.js';

// Placeholder until its issue lands; replaced by the real command.
export const command: CliCommand = {
  name: 'robot',
  summary: 'not built yet',
  usage: 'cairn robot',
  async run() {
    console.error('cairn robot: not built yet');
    return 1;
  },
};
