import { defineBlock, param } from '../define.js';
import { requireText, showDialog, titleParam } from './lib/host.js';

type Level = 'info' | 'warning' | 'error';

export const messageBox = defineBlock({
  type: 'dialogs.message',
  category: 'dialogs',
  title: { en: 'Message box', ru: 'Окно сообщения' },
  help: {
    en: 'Shows a message to the user and waits until they close it. Needs an attended run: in an unattended one it fails instead of waiting forever.',
    ru: 'Показывает пользователю сообщение и ждёт, пока он его закроет. Работает только при запуске с участием пользователя: в фоновом запуске завершается ошибкой, а не ждёт бесконечно.',
  },
  params: {
    message: param.multiline({ title: { en: 'Message', ru: 'Сообщение' }, required: true, key: true }),
    title: param.text({ title: titleParam, default: 'Cairn' }),
    level: param.choice<Level>({
      title: { en: 'Kind', ru: 'Вид' },
      default: 'info',
      choices: [
        { value: 'info', title: { en: 'Information', ru: 'Информация' } },
        { value: 'warning', title: { en: 'Warning', ru: 'Предупреждение' } },
        { value: 'error', title: { en: 'Error', ru: 'Ошибка' } },
      ],
    }),
  },
  async run(ctx, p) {
    const message = requireText(typeof p.message === 'string' ? p.message : String(p.message ?? ''), 'message');
    await showDialog(ctx, 'dialog.message', { title: p.title || 'Cairn', message, level: p.level ?? 'info' });
  },
});
