import type { PageKit, Row } from './kit.js';

/**
 * The emulator page's read-only tabs: robots, processes with their versions, assets and queues.
 * Each runs IN THE BROWSER and is sent as its own source text (see page.ts): it may use only its
 * parameter and browser globals.
 */

export async function robotsView(kit: PageKit): Promise<Node[]> {
  const { t, h, str, when, short, words, state } = kit;
  const robots = await kit.api<Row[]>('GET', '/admin/robots');
  return [
    kit.table(t('robots'), [t('name'), t('guid'), t('status'), t('lastHeartbeat'), t('machine'), t('currentJob')], robots.map((r) => [
      str(r.name),
      h('code', {}, str(r.guid)),
      h('span', { class: `status robot-${str(r.status)}` }, words.robotStatus[state.lang][Number(r.status)] ?? str(r.status)),
      when(r.last_heartbeat_at),
      [str(r.machine), str(r.ip)].filter(Boolean).join(' · ') || '—',
      str(r.job_name) || (r.job_guid ? short(r.job_guid) : '—'),
    ])),
  ];
}

export async function processesView(kit: PageKit): Promise<Node[]> {
  const { t, h, str, when } = kit;
  const processes = await kit.api<(Row & { versions: Row[] })[]>('GET', '/admin/processes');
  if (processes.length === 0) return [h('p', { class: 'muted' }, t('none'))];
  return processes.map((p) =>
    h(
      'section',
      { class: 'card', 'aria-label': str(p.name) },
      h('h2', {}, str(p.name), ' ', h('code', { class: 'muted' }, str(p.guid))),
      p.versions.length === 0
        ? h('p', { class: 'muted' }, t('noVersions'))
        : kit.table(`${t('versions')} ${str(p.name)}`, [t('version'), t('notes'), t('size'), t('created'), t('guid'), ''], p.versions.map((v) => [
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

export async function assetsView(kit: PageKit): Promise<Node[]> {
  const { t, h, str, on, state } = kit;
  const assets = await kit.api<Row[]>('GET', '/admin/assets');
  const typeName = (type: number) => (type === 1 ? t('credentials') : type === 2 ? t('text') : t('other'));
  return [
    kit.table(t('assets'), [t('name'), t('type'), t('value'), t('notes')], assets.map((a) => {
      const guid = str(a.guid);
      const shown = state.revealed.has(guid);
      const credential = Number(a.type) === 1;
      // Text values are masked until asked for; a credential's password never reaches the page.
      const value = credential ? `${t('login')}: ${str(a.text)} · ${a.has_password ? '••••••' : '—'}` : shown ? str(a.text) : '••••••';
      const toggle = on(h('button', { type: 'button', 'aria-label': `${shown ? t('hide') : t('show')} ${str(a.name)}` }, shown ? t('hide') : t('show')), 'click', () => {
        if (shown) state.revealed.delete(guid);
        else state.revealed.add(guid);
        void state.refresh();
      });
      return [h('strong', {}, str(a.name)), typeName(Number(a.type)), h('span', { class: 'row' }, h('code', {}, value), credential ? null : toggle), str(a.description)];
    })),
  ];
}

export async function queuesView(kit: PageKit): Promise<Node[]> {
  const { t, h, str, when, short, words, state } = kit;
  const [queues, tasks] = await Promise.all([kit.api<Row[]>('GET', '/admin/queues'), kit.api<Row[]>('GET', '/admin/tasks')]);
  const queueName = new Map(queues.map((q) => [str(q.guid), str(q.name)]));
  return [
    kit.table(t('queues'), [t('name'), t('tasks'), t('guid')], queues.map((q) => [h('strong', {}, str(q.name)), str(q.tasks), h('code', {}, str(q.guid))])),
    h('h2', {}, t('tasks')),
    kit.table(t('tasks'), [t('name'), t('queue'), t('status'), t('created')], tasks.map((task) => [
      str(task.name),
      queueName.get(str(task.queue_guid)) ?? short(task.queue_guid),
      words.taskStatus[state.lang][Number(task.status)] ?? str(task.status),
      when(task.created_at),
    ])),
  ];
}
