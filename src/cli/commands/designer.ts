import type { CliCommand } from '../command.js';

// Placeholder until its issue lands; replaced by the real command.
export const command: CliCommand = {
  name: 'designer',
  summary: 'not built yet',
  usage: 'cairn designer',
  async run() {
    console.error('cairn designer: not built yet');
    return 1;
  },
};
