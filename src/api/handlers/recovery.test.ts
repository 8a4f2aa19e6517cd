import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp, startProject } from '../testing/serviceHarness.js';

afterEach(cleanUp);

describe('recovery copies through the service', () => {
  it('keeps recovery copies in the data folder until the scenario is saved', async () => {
    const { call, dataDir, dir, path, doc, rev } = await startProject();
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
