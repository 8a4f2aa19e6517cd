import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, expectBlockError, expectParamError, type Harness } from '../testing/harness.js';
import { filesAppendText, filesReadText, filesWriteText } from './text.js';
import { filesCopy, filesCreateFolder, filesDelete, filesExists, filesMove } from './manage.js';
import { filesList } from './list.js';
import { filesTempFolder } from './temp.js';

let h: Harness;
beforeEach(async () => (h = await createHarness()));
afterEach(async () => h.close());

const out = async (block: Parameters<Harness['run']>[0], params: Record<string, unknown>) =>
  ((await h.run(block, params)) as { outputs: Record<string, unknown> }).outputs;
const exists = (path: string) => stat(path).then(() => true, () => false);

describe('text files', () => {
  it('writes, appends and reads Windows-1251 Cyrillic byte-exactly, relative to the project', async () => {
    await out(filesWriteText, { path: 'out/акт.txt', text: 'Счёт-фактура №1\r\n', encoding: 'windows-1251' });
    await out(filesAppendText, { path: 'out/акт.txt', text: 'Итого: 100', encoding: 'windows-1251' });
    const bytes = await readFile(join(h.projectDir, 'out', 'акт.txt'));
    expect(bytes.equals(iconv.encode('Счёт-фактура №1\r\nИтого: 100', 'win1251'))).toBe(true);
    expect(await out(filesReadText, { path: 'out/акт.txt', encoding: 'windows-1251' })).toEqual({ text: 'Счёт-фактура №1\r\nИтого: 100' });
  });

  it('writes a UTF-8 BOM once and reads it away', async () => {
    await out(filesAppendText, { path: 'bom.txt', text: 'а', encoding: 'utf-8-bom' });
    await out(filesAppendText, { path: 'bom.txt', text: 'б', encoding: 'utf-8-bom' });
    expect((await readFile(join(h.projectDir, 'bom.txt'))).toString('hex')).toBe('efbbbfd0b0d0b1');
    expect(await out(filesReadText, { path: 'bom.txt' })).toEqual({ text: 'аб' });
  });

  it('names a missing file, a folder read as a file and an unknown encoding', async () => {
    await expectBlockError(h.run(filesReadText, { path: 'нет.txt' }), /Cannot read the file: ".*нет\.txt" does not exist/, 'ENOENT');
    await expectBlockError(h.run(filesReadText, { path: '.' }), /is a folder, not a file/, 'EISDIR');
    await expectParamError(h.run(filesWriteText, { path: 'a.txt', text: 'x', encoding: 'koi8-r' }), 'encoding', /must be one of utf-8, utf-8-bom, windows-1251, got "koi8-r"/);
    await expectParamError(h.run(filesWriteText, { path: 'a.txt', text: { a: 1 } }), 'text', /expects multiline, got dictionary/);
  });
});

describe('managing files and folders', () => {
  it('checks existence, copies, moves, creates and deletes', async () => {
    await out(filesCreateFolder, { path: 'in/sub' });
    await writeFile(join(h.projectDir, 'in', 'sub', 'a.txt'), 'A');
    expect(await out(filesExists, { path: 'in/sub' })).toEqual({ exists: true, isFile: false, isFolder: true });
    expect(await out(filesExists, { path: 'in/sub/a.txt' })).toEqual({ exists: true, isFile: true, isFolder: false });
    await out(filesCopy, { from: 'in', to: 'copy/in' });
    expect(await readFile(join(h.projectDir, 'copy', 'in', 'sub', 'a.txt'), 'utf8')).toBe('A');
    await out(filesMove, { from: 'copy/in/sub/a.txt', to: 'moved/b.txt' });
    expect(await exists(join(h.projectDir, 'copy', 'in', 'sub', 'a.txt'))).toBe(false);
    expect(await readFile(join(h.projectDir, 'moved', 'b.txt'), 'utf8')).toBe('A');
    expect(await out(filesDelete, { path: 'in', recursive: true })).toEqual({ deleted: true });
    expect(await exists(join(h.projectDir, 'in'))).toBe(false);
    expect(await out(filesDelete, { path: 'in' })).toEqual({ deleted: false });
  });

  it('refuses to overwrite without the flag, to delete a full folder without recursive, and names missing sources', async () => {
    await writeFile(join(h.projectDir, 'a.txt'), 'A');
    await writeFile(join(h.projectDir, 'b.txt'), 'B');
    await expectBlockError(h.run(filesCopy, { from: 'a.txt', to: 'b.txt' }), /b\.txt" already exists: turn on Overwrite/, 'EEXIST');
    await out(filesMove, { from: 'a.txt', to: 'b.txt', overwrite: true });
    expect(await readFile(join(h.projectDir, 'b.txt'), 'utf8')).toBe('A');
    await mkdir(join(h.projectDir, 'full'));
    await writeFile(join(h.projectDir, 'full', 'x'), '');
    await expectBlockError(h.run(filesDelete, { path: 'full' }), /folder ".*full" is not empty/, 'ENOTEMPTY');
    await expectBlockError(h.run(filesDelete, { path: 'gone', mustExist: true }), /"[^"]*gone" does not exist/);
    await expectBlockError(h.run(filesMove, { from: 'gone.txt', to: 'x.txt' }), /Cannot move: ".*gone\.txt" does not exist/, 'ENOENT');
    await expectParamError(h.run(filesExists, { path: 42n }), 'path', /expects filePath, got bigint/);
    await expectBlockError(h.run(filesAppendText, { path: '.', text: 'x' }), /Cannot append to the file: ".*" is a folder, not a file/, 'EISDIR');
    await expectBlockError(h.run(filesCreateFolder, { path: 'b.txt/sub' }), /Cannot create the folder: ".*b\.txt.sub" /);
  });

  it('a temporary folder is removed when the run ends', async () => {
    const { path } = await out(filesTempFolder, { prefix: 'invoices-' });
    await writeFile(join(path as string, 'x.txt'), 'x');
    expect(await exists(path as string)).toBe(true);
    await h.close();
    expect(await exists(path as string)).toBe(false);
    h = await createHarness();
    await expectBlockError(h.run(filesTempFolder, { prefix: '../x' }), /must be a name, not a path/);
  });
});

describe('files.list', () => {
  beforeEach(async () => {
    for (const rel of ['Счёт_1.XLSX', 'счёт_2.xlsx', 'notes.txt', 'archive/2023/Счёт_0.xlsx', 'archive/old.csv']) {
      await mkdir(join(h.projectDir, 'inbox', rel, '..'), { recursive: true });
      await writeFile(join(h.projectDir, 'inbox', rel), '');
    }
  });

  it('matches a mask case-insensitively, at the top or at any depth', async () => {
    const top = await out(filesList, { folder: 'inbox', pattern: 'счёт_*.xlsx' });
    expect(top.paths).toEqual([join(h.projectDir, 'inbox', 'Счёт_1.XLSX'), join(h.projectDir, 'inbox', 'счёт_2.xlsx')]);
    const deep = await out(filesList, { folder: 'inbox', pattern: '*.xlsx', recursive: true });
    expect(deep.count).toBe(3);
    const csv = await out(filesList, { folder: 'inbox', pattern: 'archive/**/*.csv', recursive: true });
    expect(csv.paths).toEqual([join(h.projectDir, 'inbox', 'archive', 'old.csv')]);
    const folders = await out(filesList, { folder: 'inbox', kind: 'folders', recursive: true });
    expect(folders.paths).toEqual([join(h.projectDir, 'inbox', 'archive'), join(h.projectDir, 'inbox', 'archive', '2023')]);
  });

  it('names a missing folder and a file given as a folder', async () => {
    await expectBlockError(h.run(filesList, { folder: 'outbox' }), /Cannot list the folder: ".*outbox" does not exist/, 'ENOENT');
    await expectBlockError(h.run(filesList, { folder: 'inbox/notes.txt' }), /is not a folder/, 'ENOTDIR');
  });
});
