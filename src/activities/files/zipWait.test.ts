import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, expectBlockError, type Harness } from '../testing/harness.js';
import { filesUnzip, filesZip } from './zip.js';
import { filesWaitFor } from './wait.js';

let h: Harness;
beforeEach(async () => (h = await createHarness()));
afterEach(async () => h.close());

const out = async (block: Parameters<Harness['run']>[0], params: Record<string, unknown>) =>
  ((await h.run(block, params)) as { outputs: Record<string, unknown> }).outputs;
const exists = (path: string) => stat(path).then(() => true, () => false);

describe('zip / unzip', () => {
  it('packs a folder and a file, and extracts them byte for byte', async () => {
    await mkdir(join(h.projectDir, 'docs', 'акты'), { recursive: true });
    await writeFile(join(h.projectDir, 'docs', 'акты', 'Счёт-фактура №1.txt'), 'сумма 100');
    await writeFile(join(h.projectDir, 'report.bin'), Buffer.from([0, 1, 2, 255]));
    const packed = await out(filesZip, { source: 'docs', more: ['report.bin'], archive: 'out/all.zip' });
    expect(packed).toEqual({ path: join(h.projectDir, 'out', 'all.zip'), count: 2 });
    const { files } = await out(filesUnzip, { archive: 'out/all.zip', folder: 'unpacked' });
    expect((files as string[]).sort()).toEqual([join(h.projectDir, 'unpacked', 'docs', 'акты', 'Счёт-фактура №1.txt'), join(h.projectDir, 'unpacked', 'report.bin')]);
    expect(await readFile(join(h.projectDir, 'unpacked', 'docs', 'акты', 'Счёт-фактура №1.txt'), 'utf8')).toBe('сумма 100');
    expect(await readFile(join(h.projectDir, 'unpacked', 'report.bin'))).toEqual(Buffer.from([0, 1, 2, 255]));
  });

  it('refuses a zip-slip archive without writing outside the folder', async () => {
    // yazl refuses "../" names, so pack "xx/evil.txt" and patch the name bytes in place.
    await mkdir(join(h.projectDir, 'xx'));
    await writeFile(join(h.projectDir, 'xx', 'evil.txt'), 'owned');
    await out(filesZip, { source: 'xx', archive: 'evil.zip' });
    const zip = await readFile(join(h.projectDir, 'evil.zip'));
    const patched = Buffer.from(zip.toString('latin1').split('xx/evil.txt').join('../evil.txt'), 'latin1');
    await writeFile(join(h.projectDir, 'evil.zip'), patched);
    await expectBlockError(h.run(filesUnzip, { archive: 'evil.zip', folder: 'safe' }), /entry "\.\.\/evil\.txt" would be written outside/, 'ZIP_SLIP');
    expect(await exists(join(h.projectDir, 'evil.txt'))).toBe(false);
  });

  it('names a missing source, a missing archive and a file that is not a zip', async () => {
    await expectBlockError(h.run(filesZip, { source: 'nothing', archive: 'a.zip' }), /Cannot pack: ".*nothing" does not exist/, 'ENOENT');
    await expectBlockError(h.run(filesUnzip, { archive: 'none.zip', folder: 'x' }), /Cannot extract: ".*none\.zip" does not exist/, 'ENOENT');
    await writeFile(join(h.projectDir, 'fake.zip'), 'not a zip at all');
    await expectBlockError(h.run(filesUnzip, { archive: 'fake.zip', folder: 'x' }), /"[^"]*fake\.zip" cannot be read as a zip file/, 'BAD_ZIP');
  });
});

describe('files.waitFor', () => {
  it('returns once the file appears, and once it disappears', async () => {
    const target = join(h.projectDir, 'ready.flag');
    const appearing = h.run(filesWaitFor, { path: 'ready.flag', timeoutMs: 20_000 });
    await writeFile(target, '');
    expect(await appearing).toEqual({ outputs: { path: target } });
    const disappearing = h.run(filesWaitFor, { path: 'ready.flag', until: 'disappears', timeoutMs: 20_000 });
    await rm(target);
    expect(await disappearing).toEqual({ outputs: { path: target } });
  });

  it('fails with a timeout naming the file, and ends at once when the run is stopped', async () => {
    await expectBlockError(h.run(filesWaitFor, { path: 'never.txt', timeoutMs: 300 }), /Timed out after 300 ms waiting for ".*never\.txt" to appear/, 'TIMEOUT');
    const waiting = h.run(filesWaitFor, { path: 'never.txt', timeoutMs: 600_000 });
    h.controller.abort(new Error('stopped by the user'));
    await expect(waiting).rejects.toThrow('stopped by the user');
    await expectBlockError(h.run(filesWaitFor, { path: 'x', timeoutMs: -1 }), /"timeoutMs" must not be negative/);
  });
});
