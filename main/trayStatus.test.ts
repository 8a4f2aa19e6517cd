import { describe, expect, it } from 'vitest';
import { safeStorageCipher } from './safeStorageCipher.js';
import { idleTray, nextTrayStatus } from './trayStatus.js';

describe('the tray', () => {
  it('shows which scenarios the robot is running', () => {
    let status = idleTray();
    status = nextTrayStatus(status, 'run.event', {
      runId: 'a',
      event: { type: 'run.started', runId: 'a', scenario: '/p/m.scenario.json', name: 'Invoices', at: 1 },
    });
    expect(status.label).toBe('Robot: running Invoices');
    status = nextTrayStatus(status, 'run.event', {
      runId: 'b',
      event: { type: 'run.started', runId: 'b', scenario: '/p/r.scenario.json', name: 'Report', at: 2 },
    });
    expect(status.label).toBe('Robot: running 2 scenarios');
    status = nextTrayStatus(status, 'run.event', {
      runId: 'a',
      event: { type: 'run.finished', result: 'success', outputs: {}, ms: 5 },
    });
    status = nextTrayStatus(status, 'run.event', {
      runId: 'b',
      event: { type: 'run.finished', result: 'aborted', outputs: {}, ms: 5 },
    });
    expect(status.label).toBe('Robot: idle');
    expect(nextTrayStatus(status, 'file.changed', { path: '/x' })).toBe(status);
  });
});

describe('safeStorage secrets', () => {
  const storage = (backend: string, available = true) => ({
    isEncryptionAvailable: () => available,
    encryptString: (plain: string) => Buffer.from(`sealed:${plain}`),
    decryptString: (data: Buffer) => data.toString().replace(/^sealed:/, ''),
    getSelectedStorageBackend: () => backend,
  });

  it('uses the OS keychain and reports a Linux keyring-less fallback as insecure', () => {
    const cipher = safeStorageCipher(storage('gnome_libsecret'), 'linux');
    expect(cipher?.secure).toBe(true);
    expect(cipher?.decrypt(cipher.encrypt('pw'))).toBe('pw');
    expect(safeStorageCipher(storage('basic_text'), 'linux')?.secure).toBe(false);
    expect(safeStorageCipher(storage('x', false), 'win32')).toBeUndefined();
  });
});
