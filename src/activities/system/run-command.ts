import { BlockError, defineBlock, param } from '../define.js';
import { lastLines, runProcess } from '../kit/runProcess.js';

/** The `env` dictionary (the engine checked it is one) as environment strings. */
function envRecord(value: Record<string, unknown> | undefined | null): Record<string, string> {
  if (value === undefined || value === null) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));
}

export const runCommand = defineBlock({
  type: 'system.runCommand',
  category: 'system',
  title: { en: 'Run command', ru: 'Выполнить команду' },
  help: {
    en: 'Runs a program (or a shell command line) and waits for it to end. Returns its exit code and output; a non-zero exit code is an error unless turned off.',
    ru: 'Запускает программу (или командную строку оболочки) и ждёт её завершения. Возвращает код завершения и вывод; ненулевой код завершения считается ошибкой, если это не отключено.',
  },
  params: {
    command: param.text({
      title: { en: 'Program or command line', ru: 'Программа или командная строка' },
      help: {
        en: 'Without "Use shell": the program to start, arguments go in "Arguments". With it: a whole command line (pipes, &&, wildcards).',
        ru: 'Без «Через оболочку» — программа, а её аргументы — в поле «Аргументы». С ним — целая командная строка (конвейеры, &&, шаблоны файлов).',
      },
      required: true,
      key: true,
    }),
    args: param.list<string>({ title: { en: 'Arguments', ru: 'Аргументы' } }),
    shell: param.boolean({ title: { en: 'Use shell', ru: 'Через оболочку' }, default: false }),
    cwd: param.folderPath({ title: { en: 'Working folder', ru: 'Рабочая папка' }, help: { en: 'Default: the project folder.', ru: 'По умолчанию — папка проекта.' } }),
    env: param.dictionary({
      title: { en: 'Environment variables', ru: 'Переменные окружения' },
      help: { en: 'Added to the robot\'s environment for this command.', ru: 'Добавляются к окружению робота только для этой команды.' },
      advanced: true,
    }),
    timeoutMs: param.number({ title: { en: 'Timeout, ms', ru: 'Тайм-аут, мс' }, help: { en: '0: no limit.', ru: '0 — без ограничения.' }, default: 0, advanced: true }),
    failOnNonZero: param.boolean({ title: { en: 'Fail on non-zero exit code', ru: 'Ошибка при ненулевом коде завершения' }, default: true }),
    logOutput: param.boolean({ title: { en: 'Write output to the log', ru: 'Писать вывод в журнал' }, default: true, advanced: true }),
  },
  outputs: {
    exitCode: { type: 'number', title: { en: 'Exit code', ru: 'Код завершения' } },
    stdout: { type: 'text', title: { en: 'Output', ru: 'Вывод' } },
    stderr: { type: 'text', title: { en: 'Error output', ru: 'Вывод ошибок' } },
  },
  async run(ctx, p) {
    if (p.command.trim() === '') throw new BlockError('Parameter "command" is empty', 'BAD_INPUT');
    const args = p.args ?? [];
    const command = p.command.trim();
    const result = await runProcess(ctx, {
      command,
      args: args.map(String),
      shell: p.shell ?? false,
      cwd: p.cwd ? ctx.resolvePath(p.cwd) : ctx.projectDir,
      env: { ...process.env, ...envRecord(p.env) },
      timeoutMs: p.timeoutMs ?? 0,
      label: command.split(/[\s/\\]/).filter(Boolean).at(p.shell ? 0 : -1) ?? command,
      logOutput: p.logOutput ?? true,
    });
    if (result.timedOut) throw new BlockError(`"${command}" did not finish within ${p.timeoutMs} ms and was stopped`, 'TIMEOUT');
    // A process killed by a signal has no exit code: reported as -1, the signal named in the error.
    const exitCode = result.exitCode ?? -1;
    if (exitCode !== 0 && (p.failOnNonZero ?? true)) {
      const detail = lastLines(result.stderr) || lastLines(result.stdout);
      throw new BlockError(`"${command}" ended with exit code ${result.exitCode ?? result.signal}${detail ? `:\n${detail}` : ''}`, 'EXIT_CODE');
    }
    return { outputs: { exitCode, stdout: result.stdout, stderr: result.stderr } };
  },
});
