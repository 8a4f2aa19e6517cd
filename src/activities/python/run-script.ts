import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { BlockError, defineBlock, param, type BlockContext } from '../define.js';
import { lastLines, runProcess } from '../kit/runProcess.js';
import { PYTHON_PRELUDE } from './lib/prelude.js';

const defaultInterpreter = process.platform === 'win32' ? 'python' : 'python3';

async function scriptFile(ctx: BlockContext, source: string, code: string | undefined, scriptPath: string | undefined, workDir: string) {
  if (source === 'file') {
    if (!scriptPath) throw new BlockError('Parameter "scriptPath" is empty: choose a .py file', 'BAD_INPUT');
    const path = ctx.resolvePath(scriptPath);
    if (!(await stat(path).catch(() => undefined))?.isFile()) throw new BlockError(`Python script not found: ${path}`, 'ENOENT');
    return path;
  }
  if (source !== 'inline') throw new BlockError(`Parameter "source" must be inline or file, got "${source}"`, 'BAD_INPUT');
  if (!code?.trim()) throw new BlockError('Parameter "code" is empty: write the Python code to run', 'BAD_INPUT');
  const path = join(workDir, 'inline_script.py');
  await writeFile(path, code, 'utf8');
  return path;
}

export const runPython = defineBlock({
  type: 'python.run',
  category: 'python',
  title: { en: 'Run Python', ru: 'Выполнить Python' },
  help: {
    en: 'Runs Python code or a .py file. The script sees the block\'s input as `input` and returns a value by setting `result` (both JSON). Its printed lines go to the log.',
    ru: 'Выполняет код на Python или файл .py. Скрипт получает входные данные блока в переменной `input` и возвращает значение, присвоив его переменной `result` (оба в формате JSON). Всё, что скрипт печатает, попадает в журнал.',
  },
  params: {
    source: param.choice({
      title: { en: 'Script', ru: 'Скрипт' },
      default: 'inline',
      choices: [
        { value: 'inline', title: { en: 'Code in the block', ru: 'Код в блоке' } },
        { value: 'file', title: { en: 'A .py file', ru: 'Файл .py' } },
      ],
    }),
    code: param.code({ title: { en: 'Python code', ru: 'Код на Python' }, language: 'python', placeholder: 'result = input["a"] + 1' }),
    scriptPath: param.filePath({ title: { en: 'Script file', ru: 'Файл скрипта' }, filters: ['py'], key: true }),
    input: param.any({
      title: { en: 'Input (JSON)', ru: 'Входные данные (JSON)' },
      help: { en: 'Any value; the script reads it as `input`.', ru: 'Любое значение; скрипт читает его из переменной `input`.' },
    }),
    args: param.list<string>({
      title: { en: 'Command-line arguments', ru: 'Аргументы командной строки' },
      help: { en: 'Available to the script as sys.argv[1:].', ru: 'Доступны скрипту как sys.argv[1:].' },
      advanced: true,
    }),
    interpreter: param.text({
      title: { en: 'Python interpreter', ru: 'Интерпретатор Python' },
      help: { en: `Program name or path. Default: ${defaultInterpreter}.`, ru: `Имя программы или путь к ней. По умолчанию: ${defaultInterpreter}.` },
      default: defaultInterpreter,
      advanced: true,
    }),
    timeoutMs: param.number({
      title: { en: 'Timeout, ms', ru: 'Тайм-аут, мс' },
      help: { en: '0: no limit.', ru: '0 — без ограничения.' },
      default: 0,
      advanced: true,
    }),
  },
  outputs: {
    result: { type: 'any', title: { en: 'Result', ru: 'Результат' } },
    stdout: { type: 'text', title: { en: 'Printed output', ru: 'Напечатанный вывод' } },
    exitCode: { type: 'number', title: { en: 'Exit code', ru: 'Код завершения' } },
  },
  async run(ctx, p) {
    const args = p.args ?? [];
    let inputJson: string;
    try {
      inputJson = JSON.stringify(p.input ?? null);
    } catch (error) {
      throw new BlockError(`Parameter "input" cannot be turned into JSON: ${(error as Error).message}`, 'BAD_INPUT');
    }
    const workDir = await mkdtemp(join(tmpdir(), 'cairn-python-'));
    try {
      const script = await scriptFile(ctx, p.source ?? 'inline', p.code, p.scriptPath, workDir);
      const files = { prelude: join(workDir, 'cairn_prelude.py'), input: join(workDir, 'input.json'), result: join(workDir, 'result.json') };
      await writeFile(files.prelude, PYTHON_PRELUDE, 'utf8');
      await writeFile(files.input, inputJson, 'utf8');
      const interpreter = p.interpreter?.trim() || defaultInterpreter;
      const name = p.source === 'file' ? basename(script) : 'inline code';
      const run = await runProcess(ctx, {
        command: interpreter,
        args: [files.prelude, script, files.input, files.result, ...args.map(String)],
        cwd: p.source === 'file' ? dirname(script) : ctx.projectDir,
        env: { ...process.env, PYTHONIOENCODING: 'utf-8', PYTHONUNBUFFERED: '1' },
        timeoutMs: p.timeoutMs ?? 0,
        label: 'python',
        logOutput: true,
      }).catch((error: unknown) => {
        if (error instanceof BlockError && error.code === 'ENOENT') {
          throw new BlockError(`Python interpreter "${interpreter}" not found: install Python or set the "interpreter" parameter`, 'ENOENT');
        }
        throw error;
      });
      if (run.timedOut) throw new BlockError(`Python (${name}) did not finish within ${p.timeoutMs} ms and was stopped`, 'TIMEOUT');
      if (run.exitCode !== 0) {
        throw new BlockError(`Python (${name}) failed with exit code ${run.exitCode ?? run.signal}:\n${lastLines(run.stderr)}`, 'PYTHON_ERROR');
      }
      const resultText = await readFile(files.result, 'utf8').catch(() => 'null');
      return { outputs: { result: JSON.parse(resultText) as unknown, stdout: run.stdout, exitCode: run.exitCode } };
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  },
});
