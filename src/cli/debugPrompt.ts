import { createInterface, type Interface } from 'node:readline';
import type { DebugCommand, RunEvent, RunHandle } from '../engine/types.js';
import type { RunOutput } from './runOutput.js';

/**
 * A tiny terminal debugger for `cairn run --debug-break <block>`: when the run pauses it shows
 * where, and reads one-letter commands from stdin — c continue, n step over, s step into,
 * o step out, v variables. End of input continues the run, so a piped session never hangs.
 */

type Paused = Extract<RunEvent, { type: 'paused' }>;

const commands: Record<string, DebugCommand['type']> = {
  c: 'continue',
  n: 'stepOver',
  s: 'stepInto',
  o: 'stepOut',
};
const HELP = 'c = continue, n = step over, s = step into, o = step out, v = variables';

export type DebugPrompt = { paused(event: Paused): void; close(): void };

/** `quiet` (with --json): read the same commands but print nothing, the events say it all. */
export function debugPrompt(handle: RunHandle, output: RunOutput, quiet = false): DebugPrompt {
  let rl: Interface | undefined;
  let pending: Paused | undefined;
  let inputEnded = false;
  const lines: string[] = [];
  const write = (text: string) => {
    if (!quiet) process.stdout.write(`${text}\n`);
  };

  const ask = () => {
    if (!quiet) process.stdout.write('debug> ');
  };
  const resume = (type: DebugCommand['type']) => {
    pending = undefined;
    output.resume();
    handle.debug({ type } as DebugCommand);
  };
  const handleLine = (raw: string) => {
    if (!pending) {
      lines.push(raw);
      return;
    }
    const key = raw.trim().toLowerCase();
    if (key === 'v') {
      for (const [name, value] of Object.entries(pending.variables))
        write(`  ${name} = ${JSON.stringify(value) ?? String(value)}`);
      if (Object.keys(pending.variables).length === 0) write('  (no variables)');
    } else if (commands[key]) {
      resume(commands[key]);
      return;
    } else if (key !== '') write(`  unknown command "${key}": ${HELP}`);
    ask();
  };
  const ensureInput = () => {
    if (rl) return;
    rl = createInterface({ input: process.stdin, terminal: false });
    // terminal: false keeps the terminal in cooked mode, so Ctrl+C stays a signal (stop / abort).
    rl.on('line', handleLine);
    rl.on('close', () => {
      inputEnded = true;
      if (pending) {
        write('\n(input ended: continuing)');
        resume('continue');
      }
    });
  };

  return {
    paused(event) {
      ensureInput();
      output.suspend();
      pending = event;
      const where = event.stack.length > 1 ? ` in "${event.scenario}"` : '';
      write(`⏸ Paused before block "${event.blockId}"${where} (${event.reason}). ${HELP}`);
      if (inputEnded) {
        resume('continue');
        return;
      }
      ask();
      // Lines typed ahead of the pause are answered now, in order.
      while (pending && lines.length > 0) handleLine(lines.shift() as string);
    },
    close() {
      // The run is over: closing stdin must not "continue" a pause that no longer exists.
      pending = undefined;
      rl?.close();
      rl = undefined;
    },
  };
}
