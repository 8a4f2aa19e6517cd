import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BlockError, defineBlock, param, type BlockContext } from '../define.js';
import { compileScript, type CompiledScript } from '../../scenario/expressions/compile.js';

/** Names a script sees besides the scenario's variables. */
const EXTRA_NAMES = ['ctx', 'log', 'sleep', 'require'] as const;

// One compiled function per block context (= per block per run), so a script in a loop is parsed once.
const compiled = new WeakMap<BlockContext, { code: string; fn: CompiledScript }>();

function compiledFor(ctx: BlockContext, code: string): CompiledScript {
  const cached = compiled.get(ctx);
  if (cached !== undefined && cached.code === code) return cached.fn;
  let fn: CompiledScript;
  try {
    fn = compileScript(code, (name) => ctx.vars.has(name), EXTRA_NAMES);
  } catch (err) {
    throw new BlockError(`Script has a syntax error / Ошибка синтаксиса в скрипте: ${(err as Error).message}`, 'SCRIPT_SYNTAX');
  }
  compiled.set(ctx, { code, fn });
  return fn;
}

export const script = defineBlock({
  type: 'core.script',
  category: 'core',
  title: { en: 'JavaScript', ru: 'JavaScript' },
  help: {
    en: 'Runs JavaScript with the scenario variables in scope by name; assignments to them are kept. May use await and return a result. Also in scope: ctx, log(...), sleep(ms), require().',
    ru: 'Выполняет JavaScript; переменные сценария доступны по имени, присваивания сохраняются. Можно использовать await и вернуть результат. Также доступны ctx, log(...), sleep(мс), require().',
  },
  params: {
    code: param.code({ title: { en: 'Code', ru: 'Код' }, language: 'javascript', required: true }),
  },
  outputs: { result: { type: 'any', title: { en: 'Result', ru: 'Результат' } } },
  async run(ctx, { code }) {
    const fn = compiledFor(ctx, code);
    const result = await fn(ctx.vars, {
      ctx,
      log: (...parts: unknown[]) => ctx.log('info', parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' ')),
      sleep: (ms: number) => ctx.sleep(ms),
      // Resolves packages and relative files from the project folder, like a script saved there.
      require: createRequire(join(ctx.projectDir, 'script.js')),
    });
    return { outputs: { result } };
  },
});
