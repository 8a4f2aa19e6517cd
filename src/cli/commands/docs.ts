import type { CliCommand } from '../command.js';

// Placeholder until its issue lands; replaced by the real command.
export const command: CliCommand = {
  name: 'docs',
  summary: 'not built yet',
  usage: 'cairn docs',
  async run() {
    console.error('cairn docs: not built yet');
    return 1;
  },
};
