import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { PackageError, packProject, safeTarget, unpackProject } from './package.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cairn-pkg-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(root: string, rel: string, content: string | Buffer): Promise<void> {
  const file = join(root, rel);
  await mkdir(join(file, '..'), { recursive: true });
  await writeFile(file, content);
}

async function sampleProject(): Promise<string> {
  const project = join(dir, 'invoices');
  await put(project, 'cairn.project.json', JSON.stringify({ name: 'Счета', version: '1.0.0', main: 'main.scenario.json' }));
  await put(project, 'main.scenario.json', '{"format":"cairn.scenario/1","id":"m","name":"Main"}');
  await put(project, 'invoices/read.scenario.json', '{"format":"cairn.scenario/1","id":"r","name":"Read"}');
  await put(project, 'assets/template.xlsx', Buffer.from([0x50, 0x4b, 0, 1, 2, 3, 255]));
  await put(project, 'assets/Отчёт/шаблон.txt', 'Привет');
  await put(project, 'node_modules/left-pad/index.js', 'module.exports = 1');
  await put(project, '.git/HEAD', 'ref: refs/heads/main');
  await put(project, 'notes.txt', 'private notes stay home');
  await put(project, 'main.scenario.json.bak', 'old');
  await symlink('/etc/passwd', join(project, 'assets', 'passwd'));
  return project;
}

/** Renames an entry inside a zip in place (same length), to build hostile packages yazl refuses to write. */
function renameEntry(zip: Buffer, from: string, to: string): Buffer {
  expect(to.length).toBe(from.length);
  const out = Buffer.from(zip);
  let at = out.indexOf(from);
  expect(at).toBeGreaterThan(-1);
  while (at !== -1) {
    out.write(to, at, 'utf8');
    at = out.indexOf(from, at + 1);
  }
  return out;
}

describe('project packages', () => {
  it('round-trips the project files and leaves everything else out', async () => {
    const project = await sampleProject();
    const pkg = await packProject(project);
    const dest = join(dir, 'unpacked');
    const files = await unpackProject(pkg, dest);
    expect(files).toEqual([
      'assets/template.xlsx',
      'assets/Отчёт/шаблон.txt',
      'cairn.project.json',
      'invoices/read.scenario.json',
      'main.scenario.json',
    ]);
    for (const rel of files) {
      expect(await readFile(join(dest, rel))).toEqual(await readFile(join(project, rel)));
    }
    await expect(stat(join(dest, 'node_modules'))).rejects.toThrow();
    await expect(stat(join(dest, 'notes.txt'))).rejects.toThrow();
  });

  it('gives the same bytes for the same project, whenever it is packed', async () => {
    const project = await sampleProject();
    const hash = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
    const first = hash(await packProject(project));
    await put(project, 'notes.txt', 'edited notes do not change the package');
    expect(hash(await packProject(project))).toBe(first);
    await put(project, 'main.scenario.json', '{"format":"cairn.scenario/1","id":"m","name":"Main v2"}');
    expect(hash(await packProject(project))).not.toBe(first);
  });

  it('refuses to pack a folder that is not a project', async () => {
    await put(dir, 'main.scenario.json', '{}');
    await expect(packProject(dir)).rejects.toThrow(/has no cairn.project.json/);
  });

  it('refuses zip-slip entries and writes nothing outside the destination', async () => {
    const project = join(dir, 'p');
    await put(project, 'cairn.project.json', '{}');
    await put(project, 'assets/zz/evil.txt', 'pwned');
    const good = await packProject(project);
    const dest = join(dir, 'dest', 'inner');

    const slip = renameEntry(good, 'assets/zz/evil.txt', 'a/../../../evil.tx');
    await expect(unpackProject(slip, dest)).rejects.toThrow(PackageError);
    await expect(unpackProject(slip, dest)).rejects.toThrow(/Package refused.*evil/);

    const absolute = renameEntry(good, 'assets/zz/evil.txt', '/tmp/cairn-evil.tx');
    await expect(unpackProject(absolute, dest)).rejects.toThrow(/Package refused.*cairn-evil/);

    await expect(stat(join(dir, 'dest', 'evil.tx'))).rejects.toThrow();
    await expect(stat(join(dir, 'evil.tx'))).rejects.toThrow();
    await expect(stat('/tmp/cairn-evil.tx')).rejects.toThrow();
  });

  it('checks every entry name itself, not only through the zip library', () => {
    const root = join(dir, 'dest');
    expect(safeTarget(root, 'assets/a.txt')).toBe(join(root, 'assets', 'a.txt'));
    for (const name of ['../x', 'a/../../x', '/etc/passwd', 'C:/Windows/x', 'a\\..\\..\\x', '.', 'a/..']) {
      expect(() => safeTarget(root, name), name).toThrow(/outside the destination folder/);
    }
  });

  it('refuses packages over the size caps and garbage that is not a zip', async () => {
    const project = join(dir, 'big');
    await put(project, 'cairn.project.json', '{}');
    await put(project, 'assets/zeros.bin', Buffer.alloc(2 * 1024 * 1024));
    const pkg = await packProject(project);
    expect(pkg.length).toBeLessThan(64 * 1024); // zeros compress: a small file that unpacks big
    await expect(unpackProject(pkg, join(dir, 'out1'), { maxTotalBytes: 1024 * 1024 })).rejects.toThrow(
      /unpacks to more than 1048576 bytes/,
    );
    await expect(unpackProject(pkg, join(dir, 'out2'), { maxPackageBytes: 1000 })).rejects.toThrow(/over the 1000-byte limit/);
    await expect(unpackProject(Buffer.from('<html>not a zip</html>'), join(dir, 'out3'))).rejects.toThrow(
      /not a readable zip/,
    );
  });

  it('refuses a zip that is not a Cairn project', async () => {
    const project = join(dir, 'p');
    await put(project, 'cairn.project.json', '{}');
    await put(project, 'main.scenario.json', '{}');
    const renamed = renameEntry(await packProject(project), 'cairn.project.json', 'other.project.json');
    await expect(unpackProject(renamed, join(dir, 'out'))).rejects.toThrow(/has no cairn.project.json/);
  });
});
