import { describe, expect, it } from 'vitest';
import { commandNames } from '../src/api/contract.js';
import { ApiError } from '../src/api/errors.js';
import { APP_ENTRY, createCallHandler, isTrustedSender } from './ipc.js';

/** Records what reached the core: a refused call must never get there. */
function recordingService() {
  const calls: string[] = [];
  return { calls, service: { call: async (command: string) => (calls.push(command), { ok: 'from core' }) } };
}

const trusted = { frameUrl: APP_ENTRY, isMainFrame: true };
const forgedSenders = [
  { frameUrl: 'https://evil.example/', isMainFrame: true },
  { frameUrl: 'file:///tmp/evil.html', isMainFrame: true },
  { frameUrl: 'http://127.0.0.1:5173/', isMainFrame: true },
  { frameUrl: 'app://evil/index.html', isMainFrame: true },
  { frameUrl: 'app://user:pw@cairn/index.html', isMainFrame: true },
  { frameUrl: APP_ENTRY, isMainFrame: false },
  { frameUrl: undefined, isMainFrame: true },
  { frameUrl: 'not a url', isMainFrame: true },
];

describe('the cairn:call IPC handler', () => {
  it('refuses a forged sender for every command of the contract, before the core sees it', async () => {
    const { calls, service } = recordingService();
    const handle = createCallHandler(service);
    for (const command of commandNames) {
      for (const sender of forgedSenders) {
        const outcome = await handle(sender, command, {});
        expect(outcome, `${command} from ${sender.frameUrl}`).toMatchObject({
          ok: false,
          error: { code: 'forbidden' },
        });
      }
    }
    expect(calls).toEqual([]);
  });

  it('validates the command and its arguments with the contract', async () => {
    const { calls, service } = recordingService();
    const handle = createCallHandler(service);
    expect(await handle(trusted, 'shell.exec', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_command' },
    });
    expect(await handle(trusted, 'scenario.read', { path: 7 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_args' },
    });
    expect(await handle(trusted, '__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_command' },
    });
    expect(calls).toEqual([]);

    expect(await handle(trusted, 'app.info', {})).toEqual({ ok: true, result: { ok: 'from core' } });
    expect(calls).toEqual(['app.info']);
  });

  it('passes errors of the core back as data, keeping their code', async () => {
    const handle = createCallHandler({
      call: async () => {
        throw new ApiError('conflict', 'changed on disk');
      },
    });
    expect(await handle(trusted, 'project.recent', {})).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'changed on disk' },
    });
  });

  it('trusts only the app protocol top frame', () => {
    expect(isTrustedSender(trusted)).toBe(true);
    expect(isTrustedSender({ frameUrl: 'app://cairn/assets/x.js#a', isMainFrame: true })).toBe(true);
    for (const sender of forgedSenders) expect(isTrustedSender(sender)).toBe(false);
  });
});
