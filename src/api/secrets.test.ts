import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createService } from './service.js';
import { createSecretVault, fileKeyCipher } from './secrets.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'cairn-secrets-'));
  dirs.push(dir);
  return dir;
}

describe('secrets at rest', () => {
  it('are encrypted in the vault file and read back by a new process', async () => {
    const dir = await tempDir();
    await createSecretVault(dir, fileKeyCipher(dir)).set('orchestrator', 'p@ss w0rd');

    expect(await readFile(join(dir, 'secrets.json'), 'utf8')).not.toContain('p@ss');
    expect((await stat(join(dir, 'secret.key'))).mode & 0o077).toBe(0);
    const reopened = createSecretVault(dir, fileKeyCipher(dir));
    expect(await reopened.get('orchestrator')).toBe('p@ss w0rd');
    expect(reopened.secure).toBe(false);
  });

  it('never travel back through the API: the UI sees names and whether the keychain holds them', async () => {
    const dir = await tempDir();
    const service = createService({ dataDir: dir, mode: 'browser' });
    await service.call('secrets.set', { name: 'smtp', value: 'hunter2' });
    await service.call('secrets.set', { name: 'api-key', value: 'k' });
    await service.call('secrets.delete', { name: 'api-key' });

    const listed = await service.call('secrets.list', {});
    expect(listed).toEqual({ secure: false, names: ['smtp'] });
    expect(JSON.stringify(listed)).not.toContain('hunter2');
    await service.dispose();
  });
});
