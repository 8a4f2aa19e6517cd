import type { CliCommand } from '../command.js';

// Placeholder until its issue lands; replaced by the real command.
export const command: CliCommand = {
  name: 'orchestrator',
  summary: 'not built yet',
  usage: 'cairn orchestrator',
  async run() {
    console.error('cairn orchestrator: not built yet');
    return 1;
  },
};
