import { BlockError, defineBlock, param } from '../define.js';
import { requireText, showDialog, titleParam } from './lib/host.js';

export const confirm = defineBlock({
  type: 'dialogs.confirm',
  category: 'dialogs',
  title: { en: 'Ask yes or no', ru: 'Вопрос «да/нет»' },
  help: {
    en: 'Asks the user a yes/no question. Continues through the "yes" or "no" port, and also puts the answer into a boolean variable if you map it.',
    ru: 'Задаёт пользователю вопрос с ответом «да» или «нет». Продолжает выполнение через выход «yes» или «no», а ответ можно также записать в логическую переменную.',
  },
  params: {
    message: param.multiline({ title: { en: 'Question', ru: 'Вопрос' }, required: true, key: true }),
    title: param.text({ title: titleParam, default: 'Cairn' }),
  },
  ports: ['yes', 'no'],
  outputs: { answer: { type: 'boolean', title: { en: 'Answer (yes = true)', ru: 'Ответ (да = истина)' } } },
  async run(ctx, p) {
    const answer = await showDialog(ctx, 'dialog.confirm', { title: p.title || 'Cairn', message: requireText(p.message, 'message') });
    if (typeof answer !== 'boolean') throw new BlockError(`The dialog answered ${JSON.stringify(answer)} instead of yes or no`, 'DIALOG_FAILED');
    return { port: answer ? 'yes' : 'no', outputs: { answer } };
  },
});
