import { afterEach, describe, expect, it } from 'vitest';
import { createService } from '../service.js';
import { cleanUp, onCleanUp, startService } from '../testing/serviceHarness.js';

afterEach(cleanUp);

describe('settings through the service', () => {
  it('persists settings in the data folder', async () => {
    const { call, dataDir } = await startService();
    expect(await call('settings.get', {})).toMatchObject({ language: 'en', theme: 'light' });
    await call('settings.set', { language: 'ru', theme: 'dark' });
    const reopened = createService({ dataDir, mode: 'browser' });
    onCleanUp(() => reopened.dispose());
    expect(await reopened.call('settings.get', {})).toMatchObject({ language: 'ru', theme: 'dark' });
    await expect(reopened.call('settings.set', { language: 'de' })).rejects.toMatchObject({
      code: 'invalid_args',
    });
    // Changing one field keeps the others (the Orchestrator connection survives a language switch).
    await reopened.call('settings.set', { orchestrator: { url: 'http://orch:4500', robotGuid: 'r1' } });
    await reopened.call('settings.set', { language: 'en' });
    expect(await reopened.call('settings.get', {})).toMatchObject({ language: 'en', theme: 'dark', orchestrator: { url: 'http://orch:4500', robotGuid: 'r1' } });
  });
});
