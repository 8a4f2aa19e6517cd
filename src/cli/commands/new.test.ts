import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/spawnCli.js';

const SLOW = 120_000;

describe('cairn new', () => {
  it('scaffolds a project that validates and runs', { timeout: SLOW }, async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'cairn-new-')), 'invoices');
    const created = await runCli(['new', dir, '--name', 'Счета "2026"']);
    expect(created.code).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(['assets', 'cairn.project.json', 'main.scenario.json']);
    const project = JSON.parse(await readFile(join(dir, 'cairn.project.json'), 'utf8')) as { name: string };
    expect(project.name).toBe('Счета "2026"');
    const main = JSON.parse(await readFile(join(dir, 'main.scenario.json'), 'utf8')) as { id: string };
    expect(main.id).toMatch(/^[0-9a-f-]{36}$/);

    const ran = await runCli(['run', dir, '--var', 'name=Ann']);
    expect(ran.stdout).toContain('INFO  Hello, Ann!');
    expect(ran.code).toBe(0);
  });

  it('refuses a folder that is not empty and leaves it alone', { timeout: SLOW }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cairn-new-'));
    await writeFile(join(dir, 'notes.txt'), 'mine');
    const { code, stderr } = await runCli(['new', dir]);
    expect(stderr).toContain('is not empty');
    expect(code).toBe(2);
    expect(await readdir(dir)).toEqual(['notes.txt']);
  });
});
