import { createInterface } from 'node:readline/promises';
import { toHostServices, type HostImplementation } from '../engine/services.js';
import type { HostServices } from '../engine/types.js';
import type { RunOutput } from './runOutput.js';

/**
 * Host services of a run started from the terminal: dialog blocks talk to the user on the
 * console. Questions need an interactive terminal; without one they fail with a clear message
 * instead of waiting for input that never comes. Orchestrator services are the robot's.
 */

async function ask(output: RunOutput, question: string): Promise<string> {
  if (process.stdin.isTTY !== true) {
    throw new Error(
      'This dialog needs an interactive terminal; run the scenario in the Designer or a terminal / Диалогу нужен интерактивный терминал',
    );
  }
  output.suspend();
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
    output.resume();
  }
}

export function terminalServices(output: RunOutput): HostServices {
  const impl: HostImplementation = {
    async 'dialog.message'({ title, message, level }) {
      output.note(`${level === 'error' ? '✖' : level === 'warning' ? '!' : 'ℹ'} ${title}: ${message}`);
    },
    async 'dialog.confirm'({ title, message }) {
      const answer = await ask(output, `${title}: ${message} [y/N] `);
      return /^(y|yes|д|да)$/i.test(answer.trim());
    },
    async 'dialog.input'({ title, message, fields }) {
      if (message) output.note(`${title}: ${message}`);
      const values: Record<string, unknown> = {};
      for (const field of fields) {
        const fallback = field.default === undefined ? '' : ` [${String(field.default)}]`;
        const choices = field.choices ? ` (${field.choices.join('/')})` : '';
        const answer = (await ask(output, `${field.label}${choices}${fallback}: `)).trim();
        values[field.name] = answer === '' ? field.default : answer;
      }
      return values;
    },
    async 'dialog.chooseFile'({ title }) {
      const answer = (await ask(output, `${title} (path): `)).trim();
      return answer === '' ? null : answer;
    },
  };
  return toHostServices(impl);
}
