import { stat } from 'node:fs/promises';
import { BlockError, defineBlock, param } from '../define.js';
import { BAD_INPUT, finite } from '../kit/checks.js';

const pollMs = 200;

export const filesWaitFor = defineBlock({
  type: 'files.waitFor',
  category: 'files',
  title: { en: 'Wait for file', ru: 'Ждать файл' },
  help: {
    en: 'Waits until a file or folder appears (or disappears), checking every 0.2 s. Fails with a timeout error when the time is up; stopping the run ends the wait at once.',
    ru: 'Ждёт, пока файл или папка появится (или исчезнет), проверяя каждые 0,2 с. По истечении времени — ошибка тайм-аута; остановка запуска сразу прерывает ожидание.',
  },
  params: {
    path: param.filePath({ title: { en: 'Path', ru: 'Путь' }, required: true, key: true }),
    until: param.choice({
      title: { en: 'Wait until it', ru: 'Ждать, пока' },
      default: 'appears',
      choices: [
        { value: 'appears', title: { en: 'appears', ru: 'появится' } },
        { value: 'disappears', title: { en: 'disappears', ru: 'исчезнет' } },
      ],
    }),
    timeoutMs: param.number({ title: { en: 'Timeout, ms', ru: 'Тайм-аут, мс' }, default: 30_000 }),
  },
  outputs: { path: { type: 'text', title: { en: 'Full path', ru: 'Полный путь' } } },
  async run(ctx, params) {
    const path = ctx.resolvePath(params.path);
    const timeoutMs = finite('timeoutMs', params.timeoutMs);
    if (timeoutMs < 0) throw new BlockError(`Parameter "timeoutMs" must not be negative, but it is ${timeoutMs}`, BAD_INPUT);
    const wantPresent = params.until !== 'disappears';
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const present = await stat(path).then(() => true, () => false);
      if (present === wantPresent) return { outputs: { path } };
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new BlockError(`Timed out after ${timeoutMs} ms waiting for "${path}" to ${wantPresent ? 'appear' : 'disappear'}`, 'TIMEOUT');
      }
      await ctx.sleep(Math.min(pollMs, left));
    }
  },
});
