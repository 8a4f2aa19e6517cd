/**
 * The emulator page's words in English and Russian, and the names of robot, job and task
 * statuses by number. Plain data: the page script receives it as JSON (see page.ts).
 */

export const PAGE_TEXTS = {
  en: {
    title: 'Cairn Orchestrator emulator',
    robots: 'Robots', processes: 'Processes', jobs: 'Jobs', assets: 'Variables & credentials', queues: 'Queues',
    name: 'Name', guid: 'GUID', status: 'Status', lastHeartbeat: 'Last heartbeat', machine: 'Machine', currentJob: 'Current job',
    versions: 'Versions', version: 'Version', notes: 'Notes', size: 'Size', created: 'Created', download: 'Download',
    robot: 'Robot', priority: 'Priority', createJob: 'Create job', stop: 'Stop', abort: 'Abort', logs: 'Logs',
    logsOf: 'Logs of job {0}', noLogs: 'No log lines yet.', time: 'Time', level: 'Level', message: 'Message',
    type: 'Type', value: 'Value', text: 'Text', credentials: 'Credentials', other: 'Other', login: 'login', show: 'Show', hide: 'Hide',
    tasks: 'Tasks', queue: 'Queue', none: 'Nothing here yet.', low: 'Low', normal: 'Normal', high: 'High',
    jobCreated: 'Job {0} created.', error: 'Error: {0}', chooseVersion: 'Choose a version', chooseRobot: 'Choose a robot', language: 'Language',
    arrived: 'arrived {0}', noVersions: 'no versions',
  },
  ru: {
    title: 'Эмулятор оркестратора Cairn',
    robots: 'Роботы', processes: 'Процессы', jobs: 'Задания', assets: 'Переменные и учётные данные', queues: 'Очереди',
    name: 'Имя', guid: 'GUID', status: 'Статус', lastHeartbeat: 'Последний сигнал', machine: 'Компьютер', currentJob: 'Текущее задание',
    versions: 'Версии', version: 'Версия', notes: 'Описание', size: 'Размер', created: 'Создана', download: 'Скачать',
    robot: 'Робот', priority: 'Приоритет', createJob: 'Создать задание', stop: 'Остановить', abort: 'Прервать', logs: 'Журнал',
    logsOf: 'Журнал задания {0}', noLogs: 'Записей пока нет.', time: 'Время', level: 'Уровень', message: 'Сообщение',
    type: 'Тип', value: 'Значение', text: 'Текст', credentials: 'Учётные данные', other: 'Другое', login: 'логин', show: 'Показать', hide: 'Скрыть',
    tasks: 'Элементы очереди', queue: 'Очередь', none: 'Пока пусто.', low: 'Низкий', normal: 'Обычный', high: 'Высокий',
    jobCreated: 'Задание {0} создано.', error: 'Ошибка: {0}', chooseVersion: 'Выберите версию', chooseRobot: 'Выберите робота', language: 'Язык',
    arrived: 'получено {0}', noVersions: 'нет версий',
  },
};
export const ROBOT_STATUS = { en: ['Disconnected', 'Unlicensed', 'Ready', 'Working'], ru: ['Не в сети', 'Без лицензии', 'Готов', 'Работает'] };
export const JOB_STATUS = {
  en: ['Created', 'Pending', 'Aborting', 'Aborted', 'Success', 'Failed', 'Stopping', 'Stopped', 'In progress'],
  ru: ['Создано', 'В очереди', 'Прерывается', 'Прервано', 'Успешно', 'Ошибка', 'Останавливается', 'Остановлено', 'Выполняется'],
};
export const TASK_STATUS = {
  en: ['New', 'In progress', 'Success', 'Failed (application)', 'Failed (business)', 'Postponed', 'Abandoned'],
  ru: ['Новый', 'В работе', 'Успешно', 'Ошибка (приложение)', 'Ошибка (бизнес)', 'Отложен', 'Заброшен'],
};

export const PAGE_WORDS = { texts: PAGE_TEXTS, robotStatus: ROBOT_STATUS, jobStatus: JOB_STATUS, taskStatus: TASK_STATUS };
export type PageWords = typeof PAGE_WORDS;
