import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../contract.js';
import { createService } from '../service.js';
import { cleanUp, onCleanUp, startService, tempDir } from '../testing/serviceHarness.js';

afterEach(cleanUp);

describe('projects through the service', () => {
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
    onCleanUp(() => service.dispose());
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
});
