import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command line the user got wrong: the message is printed with the usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_USAGE = 2;

/** Wraps `node:util` parseArgs (called with strict options) so its errors become usage errors. */
export function parseCommandLine<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

export function expectPositionals(positionals: readonly string[], min: number, max: number): void {
  if (positionals.length < min) throw new UsageError('missing argument');
  if (positionals.length > max) throw new UsageError(`unexpected argument "${positionals[max]}"`);
}

type Options = NonNullable<ParseArgsConfig['options']>;
type HelpOption = { help: { type: 'boolean'; short: 'h' } };
type StrictConfig<O extends Options> = {
  args: string[];
  options: O & HelpOption;
  allowPositionals: true;
  strict: true;
};

/**
 * Strict `node:util` parseArgs plus `-h/--help`, with errors a user can act on and the number
 * of positionals checked (unless help was asked for).
 */
export function parseOptions<const O extends Options>(
  argv: string[],
  options: O,
  positionals: { min: number; max: number },
): ReturnType<typeof parseArgs<StrictConfig<O>>> {
  const config: StrictConfig<O> = {
    args: argv,
    options: { ...options, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  };
  const parsed = parseCommandLine(() => parseArgs(config));
  if ((parsed.values as { help?: boolean }).help !== true)
    expectPositionals(parsed.positionals, positionals.min, positionals.max);
  return parsed;
}

/** Runs a command body, turning a UsageError into the usage text and exit code 2. */
export async function withUsage(name: string, usage: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`cairn ${name}: ${error.message}\nusage: ${usage}`);
    return EXIT_USAGE;
  }
}

/** The language for user-facing messages: --lang, else the terminal's locale. */
export function pickLanguage(flag: unknown): 'en' | 'ru' {
  if (flag === 'en' || flag === 'ru') return flag;
  if (flag !== undefined) throw new UsageError(`--lang must be "en" or "ru", got "${String(flag)}"`);
  const locale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return locale.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}
