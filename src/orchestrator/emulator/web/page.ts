/**
 * The emulator's web page (`GET /` of `cairn orchestrator`): what an operator does in the
 * Orchestrator's web UI, over the emulator's JSON admin API. `emulatorPage` runs IN THE BROWSER:
 * it is sent as its own source text (`pageScript()`), so it must stay self-contained — no imports,
 * no references to anything outside its body.
 */

export function emulatorPage(): void {
  type Row = Record<string, unknown>;
  type Lang = 'en' | 'ru';
  const texts = {
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
  const robotStatus = { en: ['Disconnected', 'Unlicensed', 'Ready', 'Working'], ru: ['Не в сети', 'Без лицензии', 'Готов', 'Работает'] };
  const jobStatus = {
    en: ['Created', 'Pending', 'Aborting', 'Aborted', 'Success', 'Failed', 'Stopping', 'Stopped', 'In progress'],
    ru: ['Создано', 'В очереди', 'Прерывается', 'Прервано', 'Успешно', 'Ошибка', 'Останавливается', 'Остановлено', 'Выполняется'],
  };
  const taskStatus = {
    en: ['New', 'In progress', 'Success', 'Failed (application)', 'Failed (business)', 'Postponed', 'Abandoned'],
    ru: ['Новый', 'В работе', 'Успешно', 'Ошибка (приложение)', 'Ошибка (бизнес)', 'Отложен', 'Заброшен'],
  };
  const FINAL = [3, 4, 5, 7];
  const TABS = ['robots', 'processes', 'jobs', 'assets', 'queues'] as const;
  type Tab = (typeof TABS)[number];

  let lang: Lang = localStorage.getItem('cairn.emulator.lang') === 'ru' ? 'ru' : (localStorage.getItem('cairn.emulator.lang') ?? navigator.language).startsWith('ru') ? 'ru' : 'en';
  let tab: Tab = (TABS as readonly string[]).includes(location.hash.slice(1)) ? (location.hash.slice(1) as Tab) : 'jobs';
  let selectedJob = '';
  const revealed = new Set<string>();
  const t = (key: keyof (typeof texts)['en'], ...args: string[]): string =>
    args.reduce((s, arg, i) => s.replace(`{${i}}`, arg), texts[lang][key]);

  function h(tag: string, attrs: Record<string, string | boolean | undefined> = {}, ...children: (Node | string | null)[]): HTMLElement {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === false) continue;
      node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children) if (child !== null) node.append(child);
    return node;
  }
  function on<T extends HTMLElement>(node: T, event: string, handler: () => void): T {
    node.addEventListener(event, handler);
    return node;
  }
  const when = (iso: unknown): string => (typeof iso === 'string' && iso ? new Date(iso).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB') : '—');
  const str = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
  const short = (guid: unknown): string => str(guid).slice(0, 8);

  async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const value = text ? (JSON.parse(text) as unknown) : null;
    if (!response.ok) throw new Error(str((value as Row | null)?.ErrorText) || `HTTP ${response.status}`);
    return value as T;
  }

  function table(label: string, headers: string[], rows: (Node | string)[][]): HTMLElement {
    if (rows.length === 0) return h('p', { class: 'muted' }, t('none'));
    return h(
      'table',
      { 'aria-label': label },
      h('thead', {}, h('tr', {}, ...headers.map((x) => h('th', {}, x)))),
      h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells.map((c) => h('td', {}, c))))),
    );
  }

  const notice = h('div', { class: 'notice', role: 'status' });
  function say(text: string, error = false): void {
    notice.textContent = text;
    notice.className = error ? 'notice error' : 'notice';
  }
  async function act(work: () => Promise<void>): Promise<void> {
    try {
      await work();
      await refresh();
    } catch (error) {
      say(t('error', error instanceof Error ? error.message : String(error)), true);
    }
  }

  // ---- the job form keeps what the user chose across refreshes ----
  const robotSelect = h('select', { 'aria-label': t('robot') }) as HTMLSelectElement;
  const versionSelect = h('select', { 'aria-label': t('version') }) as HTMLSelectElement;
  const prioritySelect = h('select', { 'aria-label': t('priority') }) as HTMLSelectElement;
  function fillSelect(select: HTMLSelectElement, placeholder: string, options: { value: string; label: string }[]): void {
    const keep = select.value;
    const signature = JSON.stringify(options);
    if (select.dataset.signature === signature && select.dataset.lang === lang) return;
    select.dataset.signature = signature;
    select.dataset.lang = lang;
    select.replaceChildren(h('option', { value: '' }, placeholder), ...options.map((o) => h('option', { value: o.value }, o.label)));
    select.value = options.some((o) => o.value === keep) ? keep : '';
  }

  const main = h('main');
  const nav = h('nav', { role: 'tablist', 'aria-label': 'Orchestrator' });
  const langSelect = h('select', { 'aria-label': 'Language / Язык' }, h('option', { value: 'en' }, 'English'), h('option', { value: 'ru' }, 'Русский')) as HTMLSelectElement;
  langSelect.value = lang;
  on(langSelect, 'change', () => {
    lang = langSelect.value === 'ru' ? 'ru' : 'en';
    localStorage.setItem('cairn.emulator.lang', lang);
    void refresh();
  });
  const heading = h('strong', { class: 'brand' });
  document.body.append(h('header', { class: 'toolbar' }, heading, nav, h('span', { class: 'grow' }), langSelect), notice, main);
  if (matchMedia('(prefers-color-scheme: dark)').matches) document.documentElement.dataset.theme = 'dark';

  function renderNav(): void {
    heading.textContent = t('title');
    document.title = t('title');
    document.documentElement.lang = lang;
    nav.replaceChildren(
      ...TABS.map((name) =>
        on(h('button', { type: 'button', role: 'tab', 'aria-selected': String(tab === name) }, t(name)), 'click', () => {
          tab = name;
          location.hash = name;
          say('');
          void refresh();
        }),
      ),
    );
  }

  async function robotsView(): Promise<Node[]> {
    const robots = await api<Row[]>('GET', '/admin/robots');
    return [
      table(t('robots'), [t('name'), t('guid'), t('status'), t('lastHeartbeat'), t('machine'), t('currentJob')], robots.map((r) => [
        str(r.name),
        h('code', {}, str(r.guid)),
        h('span', { class: `status robot-${str(r.status)}` }, robotStatus[lang][Number(r.status)] ?? str(r.status)),
        when(r.last_heartbeat_at),
        [str(r.machine), str(r.ip)].filter(Boolean).join(' · ') || '—',
        str(r.job_name) || (r.job_guid ? short(r.job_guid) : '—'),
      ])),
    ];
  }

  async function processesView(): Promise<Node[]> {
    const processes = await api<(Row & { versions: Row[] })[]>('GET', '/admin/processes');
    if (processes.length === 0) return [h('p', { class: 'muted' }, t('none'))];
    return processes.map((p) =>
      h(
        'section',
        { class: 'card', 'aria-label': str(p.name) },
        h('h2', {}, str(p.name), ' ', h('code', { class: 'muted' }, str(p.guid))),
        p.versions.length === 0
          ? h('p', { class: 'muted' }, t('noVersions'))
          : table(`${t('versions')} ${str(p.name)}`, [t('version'), t('notes'), t('size'), t('created'), t('guid'), ''], p.versions.map((v) => [
              h('strong', {}, str(v.name)),
              str(v.description),
              Number(v.size) > 0 ? `${(Number(v.size) / 1024).toFixed(1)} KB` : '—',
              when(v.created_at),
              h('code', {}, str(v.guid)),
              Number(v.size) > 0 ? h('a', { href: `/admin/versions/${str(v.guid)}/download`, download: str(v.process_file_name) }, t('download')) : '',
            ])),
      ),
    );
  }

  async function jobsView(): Promise<Node[]> {
    const [robots, processes, jobs] = await Promise.all([
      api<Row[]>('GET', '/admin/robots'),
      api<(Row & { versions: Row[] })[]>('GET', '/admin/processes'),
      api<{ jobs: Row[] }>('GET', '/admin/jobs'),
    ]);
    const robotName = new Map(robots.map((r) => [str(r.guid), str(r.name)]));
    const versionName = new Map(processes.flatMap((p) => p.versions.map((v) => [str(v.guid), `${str(p.name)} ${str(v.name)}`] as const)));
    fillSelect(robotSelect, t('chooseRobot'), robots.map((r) => ({ value: str(r.guid), label: `${str(r.name)} (${short(r.guid)})` })));
    fillSelect(versionSelect, t('chooseVersion'), [...versionName].map(([value, label]) => ({ value, label })));
    fillSelect(prioritySelect, t('normal'), [{ value: '1', label: t('low') }, { value: '3', label: t('high') }]);
    const form = h('form', { class: 'row card', 'aria-label': t('createJob') }, robotSelect, versionSelect, prioritySelect, h('button', { type: 'submit', class: 'primary' }, t('createJob')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void act(async () => {
        const body: Row = { robotGuid: robotSelect.value, versionGuid: versionSelect.value };
        if (prioritySelect.value) body.priority = Number(prioritySelect.value);
        const { guid } = await api<{ guid: string }>('POST', '/admin/jobs', body);
        selectedJob = guid;
        say(t('jobCreated', short(guid)));
      });
    });
    const rows = [...jobs.jobs].reverse().map((j) => {
      const guid = str(j.guid);
      const running = !FINAL.includes(Number(j.status));
      const label = `${str(j.name)} ${short(guid)}`;
      return [
        h('code', {}, short(guid)),
        (j.version_guid ? versionName.get(str(j.version_guid)) : undefined) ?? str(j.name),
        robotName.get(str(j.robot_guid)) ?? short(j.robot_guid),
        h('span', { class: `status job-${str(j.status)}`, 'data-testid': `job-status-${guid}` }, jobStatus[lang][Number(j.status)] ?? str(j.status)),
        when(j.created_at),
        h(
          'span',
          { class: 'row' },
          on(h('button', { type: 'button', 'aria-label': `${t('logs')} ${label}`, 'aria-pressed': String(selectedJob === guid) }, t('logs')), 'click', () => {
            selectedJob = guid;
            void refresh();
          }),
          running ? on(h('button', { type: 'button', 'aria-label': `${t('stop')} ${label}` }, t('stop')), 'click', () => void act(() => api('POST', `/admin/jobs/${guid}/stop`))) : null,
          running ? on(h('button', { type: 'button', 'aria-label': `${t('abort')} ${label}`, class: 'danger' }, t('abort')), 'click', () => void act(() => api('POST', `/admin/jobs/${guid}/abort`))) : null,
        ),
      ];
    });
    const views: Node[] = [form, table(t('jobs'), [t('guid'), t('version'), t('robot'), t('status'), t('created'), ''], rows)];
    if (selectedJob) {
      const { logs } = await api<{ logs: Row[] }>('GET', `/admin/logs?jobGuid=${encodeURIComponent(selectedJob)}`);
      views.push(
        h(
          'section',
          { class: 'card', 'aria-label': t('logsOf', short(selectedJob)) },
          h('h2', {}, t('logsOf', short(selectedJob))),
          logs.length === 0
            ? h('p', { class: 'muted' }, t('noLogs'))
            : table(t('logs'), [t('time'), t('level'), t('message')], logs.map((l) => [
                // The robot's write time when it sent one; the arrival time otherwise (and on hover).
                h('span', { title: t('arrived', when(l.at)) }, when(l.written_at ?? l.at)),
                h('span', { class: `level level-${str(l.level).toLowerCase()}` }, str(l.level)),
                h('span', { class: 'log-message' }, str(l.message)),
              ])),
        ),
      );
    }
    return views;
  }

  async function assetsView(): Promise<Node[]> {
    const assets = await api<Row[]>('GET', '/admin/assets');
    const typeName = (type: number) => (type === 1 ? t('credentials') : type === 2 ? t('text') : t('other'));
    return [
      table(t('assets'), [t('name'), t('type'), t('value'), t('notes')], assets.map((a) => {
        const guid = str(a.guid);
        const shown = revealed.has(guid);
        const credential = Number(a.type) === 1;
        // Text values are masked until asked for; a credential's password never reaches the page.
        const value = credential ? `${t('login')}: ${str(a.text)} · ${a.has_password ? '••••••' : '—'}` : shown ? str(a.text) : '••••••';
        return [
          h('strong', {}, str(a.name)),
          typeName(Number(a.type)),
          h('span', { class: 'row' }, h('code', {}, value), credential ? null : on(h('button', { type: 'button', 'aria-label': `${shown ? t('hide') : t('show')} ${str(a.name)}` }, shown ? t('hide') : t('show')), 'click', () => {
            if (shown) revealed.delete(guid);
            else revealed.add(guid);
            void refresh();
          })),
          str(a.description),
        ];
      })),
    ];
  }

  async function queuesView(): Promise<Node[]> {
    const [queues, tasks] = await Promise.all([api<Row[]>('GET', '/admin/queues'), api<Row[]>('GET', '/admin/tasks')]);
    const queueName = new Map(queues.map((q) => [str(q.guid), str(q.name)]));
    return [
      table(t('queues'), [t('name'), t('tasks'), t('guid')], queues.map((q) => [h('strong', {}, str(q.name)), str(q.tasks), h('code', {}, str(q.guid))])),
      h('h2', {}, t('tasks')),
      table(t('tasks'), [t('name'), t('queue'), t('status'), t('created')], tasks.map((task) => [
        str(task.name),
        queueName.get(str(task.queue_guid)) ?? short(task.queue_guid),
        taskStatus[lang][Number(task.status)] ?? str(task.status),
        when(task.created_at),
      ])),
    ];
  }

  const views: Record<Tab, () => Promise<Node[]>> = { robots: robotsView, processes: processesView, jobs: jobsView, assets: assetsView, queues: queuesView };
  let refreshing: Promise<void> | null = null;
  async function refresh(): Promise<void> {
    // One refresh at a time: a slow answer never lets an older view overwrite a newer one.
    if (refreshing) return refreshing;
    refreshing = (async () => {
      try {
        renderNav();
        const content = await views[tab]();
        const focused = document.activeElement;
        main.replaceChildren(h('h1', {}, t(tab)), ...content);
        if (focused instanceof HTMLSelectElement && main.contains(focused)) focused.focus();
      } catch (error) {
        say(t('error', error instanceof Error ? error.message : String(error)), true);
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }
  window.addEventListener('hashchange', () => {
    const wanted = location.hash.slice(1);
    if ((TABS as readonly string[]).includes(wanted) && wanted !== tab) {
      tab = wanted as Tab;
      void refresh();
    }
  });
  void refresh();
  // Live: the page follows robots, jobs and logs as they change.
  setInterval(() => {
    if (!document.hidden) void refresh();
  }, 1000);
}

/** The script as sent: esbuild (tsx) wraps named functions in `__name`, so a no-op stands in for it. */
export function pageScript(): string {
  return `"use strict";\nvar __name = function (target) { return target; };\n(${emulatorPage.toString()})();\n`;
}
