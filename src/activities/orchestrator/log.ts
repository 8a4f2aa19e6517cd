import { BlockError, defineBlock, param } from '../define.js';
import { callOrchestrator } from './lib/host.js';

type Level = 'debug' | 'info' | 'warn' | 'error' | 'critical';

export const sendLog = defineBlock({
  type: 'orchestrator.log',
  category: 'orchestrator',
  title: { en: 'Send log line', ru: 'Отправить запись в журнал' },
  help: {
    en: 'Sends a line to the job log in the Orchestrator, where operators see it. The robot delivers it even after an outage, in order; secrets are masked.',
    ru: 'Отправляет строку в журнал задания в Оркестраторе, где её видят операторы. Робот доставит её и после перебоя связи, в правильном порядке; секреты скрываются.',
  },
  params: {
    message: param.any({ title: { en: 'Message', ru: 'Сообщение' }, required: true, key: true }),
    level: param.choice<Level>({
      title: { en: 'Level', ru: 'Уровень' },
      default: 'info',
      choices: [
        { value: 'debug', title: { en: 'Debug', ru: 'Отладка' } },
        { value: 'info', title: { en: 'Info', ru: 'Информация' } },
        { value: 'warn', title: { en: 'Warning', ru: 'Предупреждение' } },
        { value: 'error', title: { en: 'Error', ru: 'Ошибка' } },
        { value: 'critical', title: { en: 'Critical', ru: 'Критическая ошибка' } },
      ],
    }),
  },
  async run(ctx, p) {
    const level = p.level;
    // `any` is not a text kind, so the engine's required check lets empty text through.
    if (p.message === '') throw new BlockError('Parameter "message" is empty', 'BAD_INPUT');
    const message = typeof p.message === 'string' ? p.message : JSON.stringify(p.message);
    await callOrchestrator(ctx, 'orchestrator.log', { level, message }, 'Sending a log line to the Orchestrator');
  },
});
