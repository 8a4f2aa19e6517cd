import type { CliCommand } from '../command.js';

// Placeholder until its issue lands; replaced by the real command.
export const command: CliCommand = {
  name: 'new',
  summary: 'not built yet',
  usage: 'cairn new',
  async run() {
    console.error('cairn new: not built yet');
    return 1;
  },
};
