import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp, startService } from './testing/serviceHarness.js';

afterEach(cleanUp);

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
});
