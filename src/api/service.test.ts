import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/schema.js';
import {
  commands,
  type CommandArgs,
  type CommandName,
  type CommandResult,
  type EventName,
} from './contract.js';
import { ApiError } from './errors.js';
import { createService, type ApiService } from './service.js';
import { serializeScenario } from '../scenario/serialize.js';
import { until } from '../testing/until.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(prefix: string) {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A minimal project template, like resources/templates/project. */
async function makeTemplate(): Promise<string> {
  const dir = await tempDir('cairn-template-');
  await writeFile(
    join(dir, 'cairn.project.json'),
    JSON.stringify({
      format: 'cairn.project/1',
      name: '{{name}}',
      version: '1.0.0',
      main: 'main.scenario.json',
    }),
  );
  const main: Scenario = {
    format: 'cairn.scenario/1',
    id: '{{id}}',
    name: 'Main',
    variables: [],
    blocks: [{ id: 'start', type: 'core.start', at: [0, 0] }],
    links: [],
  };
  await writeFile(join(dir, 'main.scenario.json'), serializeScenario(main));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'assets', 'input.csv'), 'a,b\n1,2\n');
  return dir;
}

type Harness = {
  service: ApiService;
  /** Calls through the service AND checks the result against the contract once more. */
  call<C extends CommandName>(command: C, args: CommandArgs<C>): Promise<CommandResult<C>>;
  events: { event: EventName; payload: unknown }[];
};

async function startService(): Promise<Harness & { dataDir: string; root: string }> {
  const root = await tempDir('cairn-service-');
  const dataDir = join(root, 'data');
  const service = createService({ dataDir, mode: 'browser', templateDir: await makeTemplate() });
  cleanups.push(() => service.dispose());
  const events: Harness['events'] = [];
  service.onEvent((event, payload) => events.push({ event, payload }));
  return {
    service,
    events,
    dataDir,
    root,
    async call(command, args) {
      const result = await service.call(command, args);
      return commands[command].result.parse(result) as CommandResult<typeof command>;
    },
  };
}


describe('the API service', () => {
  it('answers app.info and lists the catalog within the contract', async () => {
    const { call, dataDir } = await startService();
    const info = await call('app.info', {});
    expect(info).toMatchObject({ mode: 'browser', dataDir, platform: process.platform });
    expect(Array.isArray(await call('catalog.list', {}))).toBe(true);
  });

  it('refuses unknown commands and wrong arguments with codes the UI can branch on', async () => {
    const { service } = await startService();
    await expect(service.call('fs.delete', {})).rejects.toMatchObject({ code: 'unknown_command' });
    await expect(service.call('scenario.read', { path: 42 })).rejects.toMatchObject({ code: 'invalid_args' });
    await expect(service.call('scenario.read', { path: '/nowhere/x.scenario.json' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('creates a project from the template, opens it and remembers it as recent', async () => {
    const { call, root } = await startService();
    const dir = join(root, 'invoices');
    const created = await call('project.new', { dir, name: 'Invoices' });
    expect(created.project.name).toBe('Invoices');
    expect(created.scenarios).toEqual([
      { path: join(dir, 'main.scenario.json'), relPath: 'main.scenario.json', name: 'Main' },
    ]);
    expect(created.assets).toEqual(['assets/input.csv']);
    expect((JSON.parse(await readFile(join(dir, 'cairn.project.json'), 'utf8')) as { name: string }).name).toBe('Invoices');
    await expect(call('project.new', { dir, name: 'Again' })).rejects.toMatchObject({
      code: 'already_exists',
    });

    const opened = await call('project.open', { dir });
    expect(opened).toEqual(created);
    expect((await call('project.recent', {})).map((p) => p.dir)).toEqual([dir]);
    await expect(call('project.open', { dir: root })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('creates a runnable project from the real template, like cairn new', async () => {
    const root = await tempDir('cairn-service-');
    const service = createService({ dataDir: join(root, 'data'), mode: 'browser' });
    cleanups.push(() => service.dispose());
    const info = commands['project.new'].result.parse(
      await service.call('project.new', { dir: join(root, 'p'), name: 'Счета "2026"' }),
    );

    expect(info.project.name).toBe('Счета "2026"');
    const main = info.scenarios.find((s) => s.relPath === info.project.main);
    expect(main).toBeDefined();
    const { doc } = commands['scenario.read'].result.parse(
      await service.call('scenario.read', { path: main!.path }),
    );
    expect(doc.id).not.toContain('{{');
    const { problems } = commands['scenario.validate'].result.parse(
      await service.call('scenario.validate', { doc }),
    );
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('saves what it read byte for byte, and refuses a save over a file changed on disk', async () => {
    const { call, root } = await startService();
    const dir = join(root, 'p');
    await call('project.new', { dir, name: 'P' });
    const path = join(dir, 'main.scenario.json');
    const before = await readFile(path, 'utf8');

    const { doc, rev } = await call('scenario.read', { path });
    const saved = await call('scenario.save', { path, doc, baseRev: rev });
    expect(await readFile(path, 'utf8')).toBe(before);
    expect(saved.rev).toBe(rev);

    await writeFile(path, before.replace('"Main"', '"Changed elsewhere"'));
    const error = await call('scenario.save', { path, doc, baseRev: rev }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'conflict' });
    expect(await readFile(path, 'utf8')).toContain('Changed elsewhere');
  });

  it('creates, renames and deletes scenarios', async () => {
    const { call, root } = await startService();
    const dir = join(root, 'p');
    await call('project.new', { dir, name: 'P' });

    const created = await call('scenario.create', { projectDir: dir, name: 'Send Report' });
    expect(created.path).toBe(join(dir, 'send-report.scenario.json'));
    expect(created.doc.blocks.map((b) => b.type)).toEqual(['core.start']);
    await expect(call('scenario.create', { projectDir: dir, name: 'send report' })).rejects.toMatchObject({
      code: 'already_exists',
    });

    const renamed = await call('scenario.rename', { path: created.path, name: 'Отчёт' });
    expect(renamed.path).toBe(join(dir, 'отчёт.scenario.json'));
    expect((await call('scenario.read', { path: renamed.path })).doc.name).toBe('Отчёт');

    await call('scenario.delete', { path: renamed.path });
    const names = (await call('project.open', { dir })).scenarios.map((s) => s.relPath);
    expect(names).toEqual(['main.scenario.json']);
    await expect(call('scenario.delete', { path: join(dir, 'cairn.project.json') })).rejects.toMatchObject({
      code: 'invalid_args',
    });
  });

  it('validates a document against the catalog', async () => {
    const { call } = await startService();
    const doc: Scenario = {
      format: 'cairn.scenario/1',
      id: 's',
      name: 'S',
      variables: [],
      blocks: [{ id: 'start', type: 'core.start', at: [0, 0] }],
      links: [{ from: 'start', port: 'next', to: 'ghost' }],
    };
    const { problems } = await call('scenario.validate', { doc });
    expect(problems.some((p) => p.severity === 'error' && p.message.en.includes('ghost'))).toBe(true);
  });

  it('keeps recovery copies in the data folder until the scenario is saved', async () => {
    const { call, root, dataDir } = await startService();
    const dir = join(root, 'p');
    await call('project.new', { dir, name: 'P' });
    const path = join(dir, 'main.scenario.json');
    const { doc, rev } = await call('scenario.read', { path });
    const edited = { ...doc, name: 'Edited but unsaved' };

    await call('recovery.write', { path, doc: edited });
    const list = await call('recovery.list', { projectDir: dir });
    expect(list.map((r) => r.path)).toEqual([path]);
    expect((await call('recovery.read', { path })).doc).toEqual(edited);
    expect(await call('recovery.list', { projectDir: dataDir })).toEqual([]);

    await call('scenario.save', { path, doc: edited, baseRev: rev });
    expect(await call('recovery.list', { projectDir: dir })).toEqual([]);
    await expect(call('recovery.read', { path })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('reports changes made on disk by others, not its own saves', async () => {
    const { call, root, events } = await startService();
    const dir = join(root, 'p');
    await call('project.new', { dir, name: 'P' });
    const path = join(dir, 'main.scenario.json');
    const { doc, rev } = await call('scenario.read', { path });

    await call('scenario.save', { path, doc: { ...doc, name: 'Ours' }, baseRev: rev });
    await writeFile(path, (await readFile(path, 'utf8')).replace('"Ours"', '"Theirs"'));

    const changes = () => events.filter((e) => e.event === 'file.changed');
    await until(() => (changes().length > 0 ? true : undefined), 'file.changed');
    expect(changes()).toEqual([{ event: 'file.changed', payload: { path } }]);

    // Closed: no more reports for it, while a still-open scenario keeps reporting.
    const other = await call('scenario.create', { projectDir: dir, name: 'Other' });
    await call('scenario.close', { path });
    await writeFile(path, 'closed, nobody cares');
    await writeFile(other.path, 'changed');
    await until(() => (changes().length > 1 ? true : undefined), 'file.changed of the open scenario');
    expect(changes().map((e) => e.payload)).toEqual([{ path }, { path: other.path }]);
  });

  it('persists settings in the data folder', async () => {
    const { call, dataDir } = await startService();
    expect(await call('settings.get', {})).toMatchObject({ language: 'en', theme: 'light' });
    await call('settings.set', { language: 'ru', theme: 'dark' });
    const reopened = createService({ dataDir, mode: 'browser' });
    cleanups.push(() => reopened.dispose());
    expect(await reopened.call('settings.get', {})).toMatchObject({ language: 'ru', theme: 'dark' });
    await expect(reopened.call('settings.set', { language: 'de' })).rejects.toMatchObject({
      code: 'invalid_args',
    });
    // Changing one field keeps the others (the Orchestrator connection survives a language switch).
    await reopened.call('settings.set', { orchestrator: { url: 'http://orch:4500', robotGuid: 'r1' } });
    await reopened.call('settings.set', { language: 'en' });
    expect(await reopened.call('settings.get', {})).toMatchObject({ language: 'en', theme: 'dark', orchestrator: { url: 'http://orch:4500', robotGuid: 'r1' } });
  });

  it('lists folders for the browser-mode file picker', async () => {
    const { call, root } = await startService();
    const dir = join(root, 'p');
    await call('project.new', { dir, name: 'P' });
    const listing = await call('fs.list', { dir, extensions: ['scenario.json'] });
    expect(listing.parent).toBe(root);
    expect(listing.entries.map((e) => `${e.kind}:${e.name}`)).toEqual([
      'directory:assets',
      'file:main.scenario.json',
    ]);
    await expect(call('fs.list', { dir: join(root, 'missing') })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('runs a saved scenario in the runner process and streams its events', async () => {
    const { call, root, events } = await startService();
    const dir = join(root, 'p');
    await call('project.new', { dir, name: 'P' });
    const path = join(dir, 'main.scenario.json');
    const { doc, rev } = await call('scenario.read', { path });
    const hello: Scenario = {
      ...doc,
      variables: [{ name: 'who', type: 'text', direction: 'in', default: 'world' }],
      blocks: [
        { id: 'start', type: 'core.start', at: [0, 0] },
        { id: 'greet', type: 'core.log', at: [0, 100], params: { message: { expr: "'Hello, ' + who" } } },
      ],
      links: [{ from: 'start', port: 'next', to: 'greet' }],
    };
    await call('scenario.save', { path, doc: hello, baseRev: rev });

    const { runId } = await call('run.start', { path, args: { who: 'Cairn' } });
    const runEvents = () =>
      events
        .filter((e) => e.event === 'run.event')
        .map(
          (e) => e.payload as { runId: string; event: { type: string; message?: string; result?: string } },
        );
    const finished = await until(
      () => runEvents().find((e) => e.event.type === 'run.finished'),
      'run.finished',
    );

    expect(finished).toMatchObject({ runId, event: { result: 'success' } });
    expect(runEvents().some((e) => e.event.type === 'log' && e.event.message === 'Hello, Cairn')).toBe(true);
    expect(runEvents()[0].event.type).toBe('run.started');
  });

  it('stops a run that would never end', async () => {
    const { call, root, events } = await startService();
    const dir = join(root, 'p');
    await call('project.new', { dir, name: 'P' });
    const path = join(dir, 'main.scenario.json');
    const { doc } = await call('scenario.read', { path });
    await call('scenario.save', {
      path,
      doc: {
        ...doc,
        blocks: [
          { id: 'start', type: 'core.start', at: [0, 0] },
          { id: 'forever', type: 'core.while', at: [0, 100], params: { condition: { expr: 'true' } } },
          { id: 'wait', type: 'core.delay', at: [0, 200], params: { ms: 20 } },
        ],
        links: [
          { from: 'start', port: 'next', to: 'forever' },
          { from: 'forever', port: 'body', to: 'wait' },
        ],
      },
    });

    const { runId } = await call('run.start', { path });
    await until(() => events.find((e) => e.event === 'run.event'), 'the run to start');
    await call('run.stop', { runId });
    const finished = await until(
      () =>
        events
          .map((e) => e.payload as { event?: { type: string; result?: string } })
          .find((p) => p.event?.type === 'run.finished'),
      'run.finished',
    );
    expect(finished.event?.result).toBe('stopped');
    await expect(call('run.abort', { runId: 'no-such-run' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a block that never returns is aborted after the stop grace set in settings.runner', async () => {
    const { call, root, events } = await startService();
    await call('settings.set', { runner: { stopGraceMs: 500 } });
    const dir = join(root, 'p');
    await call('project.new', { dir, name: 'P' });
    const path = join(dir, 'main.scenario.json');
    const { doc } = await call('scenario.read', { path });
    await call('scenario.save', {
      path,
      doc: {
        ...doc,
        blocks: [
          { id: 'start', type: 'core.start', at: [0, 0] },
          {
            id: 'spin',
            type: 'core.script',
            at: [0, 100],
            params: { code: "log('spinning'); while (true) {}" },
          },
        ],
        links: [{ from: 'start', port: 'next', to: 'spin' }],
      },
    });
    const payloads = () =>
      events
        .filter((e) => e.event === 'run.event')
        .map(
          (e) =>
            e.payload as {
              event: { type: string; message?: string; result?: string; error?: { message: string } };
            },
        );
    const { runId } = await call('run.start', { path });
    await until(() => payloads().find((p) => p.event.message === 'spinning'), 'the block to spin');
    await call('run.stop', { runId });
    const finished = await until(
      () => payloads().find((p) => p.event.type === 'run.finished'),
      'run.finished',
    );
    expect(finished.event.result).toBe('aborted');
    expect(finished.event.error?.message).toContain('stop grace of 0.5 s');
  });

  it('asks the user through dialog.request and gives the block the answer from dialog.answer', async () => {
    const { call, root, events } = await startService();
    const dir = join(root, 'p');
    await call('project.new', { dir, name: 'P' });
    const path = join(dir, 'main.scenario.json');
    const { doc } = await call('scenario.read', { path });
    const ask =
      "const ok = await ctx.host.request('dialog.confirm', { title: 'Go?', message: 'Delete 3 files?' }); log('answer: ' + ok);";
    await call('scenario.save', {
      path,
      doc: {
        ...doc,
        blocks: [
          { id: 'start', type: 'core.start', at: [0, 0] },
          { id: 'ask', type: 'core.script', at: [0, 100], params: { code: ask } },
        ],
        links: [{ from: 'start', port: 'next', to: 'ask' }],
      },
    });

    const { runId } = await call('run.start', { path });
    const request = await until(() => events.find((e) => e.event === 'dialog.request'), 'dialog.request');
    expect(request.payload).toMatchObject({
      runId,
      method: 'dialog.confirm',
      params: { title: 'Go?', message: 'Delete 3 files?' },
    });
    await expect(
      call('dialog.answer', {
        requestId: (request.payload as { requestId: string }).requestId,
        result: 'maybe',
      }),
    ).rejects.toMatchObject({
      code: 'invalid_args',
    });
    await call('dialog.answer', {
      requestId: (request.payload as { requestId: string }).requestId,
      result: true,
    });

    const payloads = () =>
      events
        .filter((e) => e.event === 'run.event')
        .map((e) => (e.payload as { event: { type: string; message?: string; result?: string } }).event);
    const finished = await until(() => payloads().find((e) => e.type === 'run.finished'), 'run.finished');
    expect(finished.result).toBe('success');
    expect(payloads().some((e) => e.type === 'log' && e.message === 'answer: true')).toBe(true);
  });
});
