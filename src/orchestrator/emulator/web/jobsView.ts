import type { PageKit, Row } from './kit.js';

/**
 * The emulator page's Jobs tab: a form to start a job, the jobs with Stop/Abort, and the open
 * job's log lines. Each function runs IN THE BROWSER and is sent as its own source text (see
 * page.ts): it may use only its parameters and browser globals.
 */

export type JobForm = ReturnType<typeof jobForm>;

/** The job form's selects, made once, so what the user chose survives the page's refreshes. */
export function jobForm(kit: PageKit) {
  const { t, h, state } = kit;
  const robot = h('select', { 'aria-label': t('robot') }) as HTMLSelectElement;
  const version = h('select', { 'aria-label': t('version') }) as HTMLSelectElement;
  const priority = h('select', { 'aria-label': t('priority') }) as HTMLSelectElement;
  function fill(select: HTMLSelectElement, placeholder: string, options: { value: string; label: string }[]): void {
    const keep = select.value;
    const signature = JSON.stringify(options);
    if (select.dataset.signature === signature && select.dataset.lang === state.lang) return;
    select.dataset.signature = signature;
    select.dataset.lang = state.lang;
    select.replaceChildren(h('option', { value: '' }, placeholder), ...options.map((o) => h('option', { value: o.value }, o.label)));
    select.value = options.some((o) => o.value === keep) ? keep : '';
  }
  return { robot, version, priority, fill };
}

export async function jobsView(kit: PageKit, form: JobForm, logsOf: (kit: PageKit, jobGuid: string) => Promise<Node>): Promise<Node[]> {
  const { t, h, str, short, state } = kit;
  const [robots, processes, jobs] = await Promise.all([
    kit.api<Row[]>('GET', '/admin/robots'),
    kit.api<(Row & { versions: Row[] })[]>('GET', '/admin/processes'),
    kit.api<{ jobs: Row[] }>('GET', '/admin/jobs'),
  ]);
  const robotName = new Map(robots.map((r) => [str(r.guid), str(r.name)]));
  const versionName = new Map(processes.flatMap((p) => p.versions.map((v) => [str(v.guid), `${str(p.name)} ${str(v.name)}`] as const)));
  form.fill(form.robot, t('chooseRobot'), robots.map((r) => ({ value: str(r.guid), label: `${str(r.name)} (${short(r.guid)})` })));
  form.fill(form.version, t('chooseVersion'), [...versionName].map(([value, label]) => ({ value, label })));
  form.fill(form.priority, t('normal'), [{ value: '1', label: t('low') }, { value: '3', label: t('high') }]);
  const create = h('form', { class: 'row card', 'aria-label': t('createJob') }, form.robot, form.version, form.priority, h('button', { type: 'submit', class: 'primary' }, t('createJob')));
  create.addEventListener('submit', (event) => {
    event.preventDefault();
    void kit.act(async () => {
      const body: Row = { robotGuid: form.robot.value, versionGuid: form.version.value };
      if (form.priority.value) body.priority = Number(form.priority.value);
      const { guid } = await kit.api<{ guid: string }>('POST', '/admin/jobs', body);
      state.selectedJob = guid;
      kit.say(t('jobCreated', short(guid)));
    });
  });
  const rows = [...jobs.jobs].reverse().map((job) => [
    h('code', {}, short(job.guid)),
    (job.version_guid ? versionName.get(str(job.version_guid)) : undefined) ?? str(job.name),
    robotName.get(str(job.robot_guid)) ?? short(job.robot_guid),
    h('span', { class: `status job-${str(job.status)}`, 'data-testid': `job-status-${str(job.guid)}` }, kit.words.jobStatus[state.lang][Number(job.status)] ?? str(job.status)),
    kit.when(job.created_at),
    jobButtons(job),
  ]);
  const views: Node[] = [create, kit.table(t('jobs'), [t('guid'), t('version'), t('robot'), t('status'), t('created'), ''], rows)];
  if (state.selectedJob) views.push(await logsOf(kit, state.selectedJob));
  return views;

  /** Logs for every job; Stop and Abort while it has not finished. */
  function jobButtons(job: Row): HTMLElement {
    const FINAL = [3, 4, 5, 7];
    const guid = str(job.guid);
    const running = !FINAL.includes(Number(job.status));
    const label = `${str(job.name)} ${short(guid)}`;
    const button = (text: string, name: string, danger = false) => h('button', { type: 'button', 'aria-label': `${name} ${label}`, class: danger ? 'danger' : undefined }, text);
    const logs = h('button', { type: 'button', 'aria-label': `${t('logs')} ${label}`, 'aria-pressed': String(state.selectedJob === guid) }, t('logs'));
    return h(
      'span',
      { class: 'row' },
      kit.on(logs, 'click', () => {
        state.selectedJob = guid;
        void state.refresh();
      }),
      running ? kit.on(button(t('stop'), t('stop')), 'click', () => void kit.act(() => kit.api('POST', `/admin/jobs/${guid}/stop`))) : null,
      running ? kit.on(button(t('abort'), t('abort'), true), 'click', () => void kit.act(() => kit.api('POST', `/admin/jobs/${guid}/abort`))) : null,
    );
  }
}

/** The open job's log lines, oldest first. */
export async function jobLogs(kit: PageKit, jobGuid: string): Promise<Node> {
  const { t, h, str, when, short } = kit;
  const { logs } = await kit.api<{ logs: Row[] }>('GET', `/admin/logs?jobGuid=${encodeURIComponent(jobGuid)}`);
  return h(
    'section',
    { class: 'card', 'aria-label': t('logsOf', short(jobGuid)) },
    h('h2', {}, t('logsOf', short(jobGuid))),
    logs.length === 0
      ? h('p', { class: 'muted' }, t('noLogs'))
      : kit.table(t('logs'), [t('time'), t('level'), t('message')], logs.map((l) => [
          // The robot's write time when it sent one; the arrival time otherwise (and on hover).
          h('span', { title: t('arrived', when(l.at)) }, when(l.written_at ?? l.at)),
          h('span', { class: `level level-${str(l.level).toLowerCase()}` }, str(l.level)),
          h('span', { class: 'log-message' }, str(l.message)),
        ])),
  );
}
