import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp, startService } from '../testing/serviceHarness.js';

afterEach(cleanUp);

describe('recovery copies through the service', () => {
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
});
