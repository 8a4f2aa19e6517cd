import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../errors.js';
import { cleanUp, startProject, startService } from '../testing/serviceHarness.js';
import { until } from '../../testing/until.js';

afterEach(cleanUp);

describe('scenarios through the service', () => {
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

  it('reports changes made on disk by others, not its own saves', async () => {
    const { call, events, dir, path, doc, rev } = await startProject();

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
});
