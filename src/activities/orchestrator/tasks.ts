import { TaskStatus } from '../../orchestrator/protocol.js';
import { BlockError, defineBlock, param, type LocalizedText } from '../define.js';
import { callOrchestrator, requireName } from './lib/host.js';

type StatusName = keyof typeof TaskStatus;

const statusTitles: Record<StatusName, LocalizedText> = {
  New: { en: 'New', ru: 'Новая' },
  InProgress: { en: 'In progress', ru: 'В работе' },
  Success: { en: 'Success', ru: 'Успешно' },
  FailedApplication: { en: 'Failed: application error', ru: 'Ошибка: сбой приложения' },
  FailedBusiness: { en: 'Failed: business rule', ru: 'Ошибка: бизнес-правило' },
  Postponed: { en: 'Postponed', ru: 'Отложена' },
  Abandoned: { en: 'Abandoned', ru: 'Брошена' },
};

const queueParam = param.text({
  title: { en: 'Queue GUID', ru: 'GUID очереди' },
  help: { en: 'The queue as the Orchestrator identifies it.', ru: 'Идентификатор очереди в Оркестраторе.' },
  required: true,
});

export const addTask = defineBlock({
  type: 'orchestrator.addTask',
  category: 'orchestrator',
  title: { en: 'Add task to queue', ru: 'Добавить задачу в очередь' },
  help: {
    en: 'Puts a new work item into an Orchestrator queue, with its parameters (any JSON value), an optional deadline and number of retries.',
    ru: 'Добавляет новую задачу в очередь Оркестратора: параметры (любое значение JSON), при необходимости срок и число повторов.',
  },
  params: {
    queue: queueParam,
    name: param.text({ title: { en: 'Task name', ru: 'Название задачи' }, required: true, key: true }),
    parameters: param.any({ title: { en: 'Parameters', ru: 'Параметры' } }),
    description: param.text({ title: { en: 'Description', ru: 'Описание' }, advanced: true }),
    deadline: param.any({ title: { en: 'Deadline', ru: 'Срок' }, help: { en: 'A date or an ISO text.', ru: 'Дата или текст в формате ISO.' }, advanced: true }),
    retries: param.number({ title: { en: 'Retries', ru: 'Повторы' }, advanced: true }),
  },
  outputs: { guid: { type: 'text', title: { en: 'Task GUID', ru: 'GUID задачи' } } },
  async run(ctx, p) {
    const queueGuid = requireName(p.queue, 'queue', 'the queue GUID');
    const name = requireName(p.name, 'name', 'the task name');
    if (p.retries !== undefined && (!Number.isInteger(p.retries) || p.retries < 0)) {
      throw new BlockError(`Parameter "retries" must be a whole number from 0, got ${JSON.stringify(p.retries)}`, 'BAD_INPUT');
    }
    let deadline: string | undefined;
    if (p.deadline !== undefined && p.deadline !== '') {
      const date = p.deadline instanceof Date ? p.deadline : new Date(String(p.deadline));
      if (Number.isNaN(date.getTime())) throw new BlockError(`Parameter "deadline" ${JSON.stringify(p.deadline)} is not a date`, 'BAD_INPUT');
      deadline = date.toISOString();
    }
    const { guid } = await callOrchestrator(
      ctx,
      'orchestrator.taskCreate',
      { queueGuid, name, description: p.description || undefined, parameters: p.parameters, deadline, retries: p.retries },
      `Adding task "${name}" to queue ${queueGuid}`,
    );
    return { outputs: { guid } };
  },
});

export const takeTask = defineBlock({
  type: 'orchestrator.takeTask',
  category: 'orchestrator',
  title: { en: 'Take next task', ru: 'Взять следующую задачу' },
  help: {
    en: 'Takes the next task from an Orchestrator queue (the Orchestrator marks it In progress). When the queue is empty, continues through the "empty" port.',
    ru: 'Берёт следующую задачу из очереди Оркестратора (Оркестратор помечает её «В работе»). Если очередь пуста, выполнение идёт через выход «empty».',
  },
  params: { queue: { ...queueParam, key: true } },
  ports: ['next', 'empty'],
  outputs: {
    guid: { type: 'text', title: { en: 'Task GUID', ru: 'GUID задачи' } },
    name: { type: 'text', title: { en: 'Task name', ru: 'Название задачи' } },
    parameters: { type: 'any', title: { en: 'Parameters', ru: 'Параметры' } },
  },
  async run(ctx, p) {
    const queueGuid = requireName(p.queue, 'queue', 'the queue GUID');
    const task = await callOrchestrator(ctx, 'orchestrator.taskNext', { queueGuid }, `Taking a task from queue ${queueGuid}`);
    if (task === null) return { port: 'empty' };
    return { port: 'next', outputs: { guid: task.guid, name: task.name, parameters: task.parameters } };
  },
});

export const setTaskStatus = defineBlock({
  type: 'orchestrator.setTaskStatus',
  category: 'orchestrator',
  title: { en: 'Set task status', ru: 'Изменить статус задачи' },
  help: {
    en: 'Reports how a queue task ended: success, an application or business failure, postponed or abandoned, with a comment for the operator.',
    ru: 'Сообщает, чем закончилась задача из очереди: успех, сбой приложения или бизнес-ошибка, отложена или брошена — с комментарием для оператора.',
  },
  params: {
    guid: param.text({ title: { en: 'Task GUID', ru: 'GUID задачи' }, required: true }),
    status: param.choice<StatusName>({
      title: { en: 'Status', ru: 'Статус' },
      default: 'Success',
      key: true,
      choices: (Object.keys(TaskStatus) as StatusName[]).map((value) => ({ value, title: statusTitles[value] })),
    }),
    comment: param.text({ title: { en: 'Comment', ru: 'Комментарий' } }),
  },
  async run(ctx, p) {
    const guid = requireName(p.guid, 'guid', 'the task GUID');
    const status = TaskStatus[p.status];
    await callOrchestrator(ctx, 'orchestrator.taskSetStatus', { guid, status, comment: p.comment || undefined }, `Setting task ${guid} to ${p.status}`);
  },
});
