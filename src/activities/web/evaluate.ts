import { parseExpressionAt } from 'acorn';
import { BlockError, defineBlock, param } from '../define.js';
import { browserParam, browserStep } from './lib/locate.js';
import { getSession } from './lib/session.js';

/** True when the whole code is one expression (`document.title`), not statements. */
function isSingleExpression(code: string): boolean {
  try {
    const node = parseExpressionAt(code, 0, { ecmaVersion: 'latest', allowAwaitOutsideFunction: true });
    return code.slice(node.end).replace(/;?\s*$/, '') === '';
  } catch {
    return false;
  }
}

/** Wraps the user's code so both forms work: an expression or a function body with `return`. */
export function pageScript(code: string, arg: unknown): string {
  const isExpression = isSingleExpression(code.trim());
  const body = isExpression ? `return (${code.trim().replace(/;$/, '')}\n);` : code;
  return `(async (arg) => {\n${body}\n})(${JSON.stringify(arg ?? null)})`;
}

export const evaluate = defineBlock({
  type: 'web.evaluate',
  category: 'web',
  title: { en: 'Run JavaScript in page', ru: 'Выполнить JavaScript на странице' },
  help: {
    en: 'Runs JavaScript in the active tab (or frame) and returns its result. Write an expression (document.title) or statements with return; the argument is available as `arg`.',
    ru: 'Выполняет JavaScript в активной вкладке (или фрейме) и возвращает результат. Напишите выражение (document.title) или операторы с return; аргумент доступен как `arg`.',
  },
  params: {
    code: param.code({ title: { en: 'Code', ru: 'Код' }, language: 'javascript', required: true, key: true }),
    arg: param.any({ title: { en: 'Argument', ru: 'Аргумент' }, help: { en: 'A JSON value passed as `arg`.', ru: 'JSON-значение, доступное как `arg`.' } }),
    timeoutMs: param.number({ title: { en: 'Timeout, ms', ru: 'Тайм-аут, мс' }, default: 30_000, advanced: true }),
    ...browserParam,
  },
  outputs: { result: { type: 'any', title: { en: 'Result', ru: 'Результат' } } },
  async run(ctx, p) {
    // The engine refuses empty code ("is required"); only spaces are for us to catch.
    if (p.code.trim() === '') throw new BlockError('Parameter "code" is empty', 'BAD_INPUT');
    const session = getSession(p.browser);
    const script = pageScript(p.code, p.arg);
    const timeoutMs = p.timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, fail) => {
      timer = setTimeout(() => fail(new BlockError(`The page script did not finish within ${timeoutMs} ms`, 'TIMEOUT')), timeoutMs);
    });
    try {
      const result = await browserStep(ctx, 'Page script', timeoutMs, () => Promise.race([session.scope.evaluate(script), timeout]));
      return { outputs: { result: result ?? null } };
    } catch (error) {
      if (error instanceof BlockError && error.code === 'BROWSER') {
        throw new BlockError(error.message.replace(/^Page script: /, 'The page script failed: '), 'SCRIPT_ERROR');
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  },
});
