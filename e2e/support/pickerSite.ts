import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startPickerSite, type PickerSite } from '../../src/picker/testing/pages.js';
import { PickerWindow } from '../pages/PickerWindow.js';

export type PickerFixture = {
  /** The local test site the picker and the runs open. */
  readonly site: PickerSite;
  /** The picker's window, once the Designer opened it at `path`; detached after each test. */
  attach(path: string): Promise<PickerWindow>;
};

/**
 * The picker's browser under test: headless, with a DevTools port the test drives it through,
 * and the local site it picks on. Call at the top of an e2e file.
 */
export function usePickerSite(): PickerFixture {
  let site: PickerSite | undefined;
  let cdpPort = 0;
  let attached: PickerWindow | undefined;
  beforeAll(async () => {
    site = await startPickerSite();
    cdpPort = await freePort();
    process.env.CAIRN_PICKER_HEADLESS = '1';
    process.env.CAIRN_PICKER_CDP_PORT = String(cdpPort);
  });
  afterEach(async () => {
    await attached?.detach();
    attached = undefined;
  });
  afterAll(async () => {
    delete process.env.CAIRN_PICKER_HEADLESS;
    delete process.env.CAIRN_PICKER_CDP_PORT;
    await site?.close();
  });
  return {
    get site() {
      if (!site) throw new Error('the picker site is used outside a test');
      return site;
    },
    async attach(path) {
      attached = await PickerWindow.attach(cdpPort, path);
      return attached;
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}
