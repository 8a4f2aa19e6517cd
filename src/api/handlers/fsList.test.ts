import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp, startService } from '../testing/serviceHarness.js';

afterEach(cleanUp);

describe('the folder listing through the service', () => {
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
});
