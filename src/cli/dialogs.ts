import { HostError } from '../activities/hostMethods.js';
import { createInterface, type Interface } from 'node:readline';
import { Writable } from 'node:stream';
import { toHostServices, type DialogField, type HostImplementation } from '../engine/services.js';
import type { HostServices } from '../engine/types.js';

/**
 * The `dialog.*` host services of `cairn run`: each dialog becomes prompts on the terminal. On an
 * unattended terminal (stdin is not a TTY: CI, cron, a pipe) every dialog fails at once with a
 * clear message instead of waiting for input that will never come. Answers are checked here so
 * the user can correct a typo; the blocks check and convert them again (other UIs answer too).
 */

export type TerminalDialogOptions = {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Whether a person can answer (stdin is a TTY). */
  interactive: boolean;
  /** Pauses the live progress line while a dialog owns the terminal. */
  screen?: { suspend(): void; resume(): void };
};

export const NOT_INTERACTIVE =
  'stdin is not an interactive terminal: run the scenario from a terminal or the Designer / ввод не из терминала: запустите сценарий из терминала или Дизайнера';

const YES = /^(y|yes|д|да|true|1)$/i;
const NO = /^(n|no|н|нет|false|0)$/i;

/** One dialog's conversation: prompts on the output, answers line by line; null on end of input. */
class Conversation {
  private readonly rl: Interface;
  private readonly lines: AsyncIterator<string>;
  private muted = false;

  constructor(private readonly options: TerminalDialogOptions) {
    const echo = new Writable({
      write: (chunk, encoding, done) => (this.muted ? done() : options.output.write(chunk as Buffer, done)),
    });
    const terminal = options.interactive && (options.output as { isTTY?: boolean }).isTTY === true;
    this.rl = createInterface({ input: options.input, output: echo, terminal });
    this.lines = this.rl[Symbol.asyncIterator]();
  }

  say(text: string): void {
    this.options.output.write(`${text}\n`);
  }

  async ask(prompt: string, secret = false): Promise<string | null> {
    this.options.output.write(prompt);
    this.muted = secret;
    try {
      const next = await this.lines.next();
      return next.done ? null : next.value.trim();
    } finally {
      this.muted = false;
      if (secret) this.options.output.write('\n');
    }
  }

  close(): void {
    this.rl.close();
  }
}

function describe(field: DialogField): string {
  const hint =
    field.type === 'boolean' ? ' (y/n)' : field.type === 'date' ? ' (YYYY-MM-DD)' : field.type === 'number' ? ' (number)' : '';
  const fallback = field.default === undefined || field.type === 'password' ? '' : ` [${String(field.default)}]`;
  return `${field.label}${field.required ? ' *' : ''}${hint}${fallback}: `;
}

/** The problem with an answer, or null when it fits the field. Empty answers fall back to defaults. */
function problem(field: DialogField, answer: string): string | null {
  if (answer === '') return field.required && field.default === undefined ? 'this field is required' : null;
  if (field.type === 'number' && !Number.isFinite(Number(answer.replace(',', '.')))) return 'enter a number';
  if (field.type === 'boolean' && !YES.test(answer) && !NO.test(answer)) return 'answer y or n';
  if (field.type === 'date' && !/^\d{4}-\d{2}-\d{2}$|^\d{2}\.\d{2}\.\d{4}$/.test(answer)) return 'enter a date as YYYY-MM-DD';
  return null;
}

async function askField(talk: Conversation, field: DialogField): Promise<{ value: unknown } | null> {
  if (field.type === 'choice') (field.choices ?? []).forEach((choice, i) => talk.say(`  ${i + 1}) ${choice}`));
  for (;;) {
    const answer = await talk.ask(describe(field), field.type === 'password');
    if (answer === null) return null;
    if (field.type === 'choice') {
      const choices = field.choices ?? [];
      const byNumber = choices[Number(answer) - 1];
      const picked = /^\d+$/.test(answer) && byNumber !== undefined ? byNumber : choices.find((c) => c === answer);
      if (picked !== undefined) return { value: picked };
      if (answer === '' && field.default !== undefined) return { value: field.default };
      talk.say(`  pick 1–${choices.length} or type one of the choices`);
      continue;
    }
    const wrong = problem(field, answer);
    if (wrong === null) {
      if (answer === '') return { value: field.default ?? '' };
      if (field.type === 'boolean') return { value: YES.test(answer) };
      return { value: answer };
    }
    talk.say(`  ${wrong}`);
  }
}

export function terminalDialogImplementation(options: TerminalDialogOptions): HostImplementation {
  async function converse<T>(work: (talk: Conversation) => Promise<T>): Promise<T> {
    if (!options.interactive) throw new HostError(NOT_INTERACTIVE, 'UNATTENDED');
    options.screen?.suspend();
    const talk = new Conversation(options);
    try {
      return await work(talk);
    } finally {
      talk.close();
      options.screen?.resume();
    }
  }
  const mark = { info: 'ℹ', warning: '⚠', error: '✖' } as const;

  return {
    'dialog.message': ({ title, message, level }) =>
      converse(async (talk) => {
        talk.say(`${mark[level ?? 'info']} ${title}\n${message}`);
        await talk.ask('Press Enter to continue… ');
      }),
    'dialog.confirm': ({ title, message }) =>
      converse(async (talk) => {
        talk.say(`? ${title}`);
        for (;;) {
          const answer = await talk.ask(`${message} (y/n): `);
          if (answer === null) return false;
          if (YES.test(answer)) return true;
          if (NO.test(answer)) return false;
          talk.say('  answer y or n');
        }
      }),
    'dialog.input': ({ title, message, fields }) =>
      converse(async (talk) => {
        talk.say(`? ${title}${message ? `\n${message}` : ''}`);
        const values: Record<string, unknown> = {};
        for (const field of fields) {
          const answer = await askField(talk, field);
          if (answer === null) return null; // end of input (Ctrl+D): the user cancelled the form
          values[field.name] = answer.value;
        }
        return values;
      }),
    'dialog.chooseFile': ({ title, filters, save, folder }) =>
      converse(async (talk) => {
        const what = folder ? 'folder' : save ? 'file to save' : `file${filters?.length ? ` (${filters.join(', ')})` : ''}`;
        const answer = await talk.ask(`? ${title} — path of the ${what}, empty to cancel: `);
        return answer === null || answer === '' ? null : answer;
      }),
  };
}

/** The dialogs of a `cairn run` on this process's terminal. */
export function terminalDialogs(screen?: TerminalDialogOptions['screen']): HostServices {
  return toHostServices(
    terminalDialogImplementation({ input: process.stdin, output: process.stdout, interactive: process.stdin.isTTY === true, screen }),
  );
}
