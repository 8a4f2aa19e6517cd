import { defineBlock, param } from '../define.js';

export const delay = defineBlock({
  type: 'core.delay',
  category: 'core',
  title: { en: 'Delay', ru: 'Пауза' },
  help: { en: 'Waits the given number of milliseconds. A stop ends the wait at once.', ru: 'Ждёт указанное число миллисекунд. Остановка прерывает ожидание сразу.' },
  params: {
    ms: param.number({ title: { en: 'Milliseconds', ru: 'Миллисекунды' }, required: true, key: true, default: 1000 }),
  },
  async run(ctx, { ms }) {
    await ctx.sleep(Math.max(0, ms));
  },
});
