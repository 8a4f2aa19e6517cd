import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogInfo } from '../../activities/catalog.js';
import { runCli } from '../testing/spawnCli.js';

const SLOW = 120_000;

describe('cairn docs', () => {
  it('writes a reference of every catalog block in English and Russian', { timeout: SLOW }, async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'cairn-docs-')), 'ref', 'blocks.md');
    const { code } = await runCli(['docs', '--out', out]);
    expect(code).toBe(0);
    const text = await readFile(out, 'utf8');
    for (const block of catalogInfo()) {
      expect(text).toContain(`— \`${block.type}\``);
      expect(text).toContain(block.title.en);
      expect(text).toContain(block.title.ru);
    }
    expect(text).toContain('| `condition` | expression | yes · да |');
    expect(text).toContain('`case:<…>`');
  });

  it('prints one language with --lang', { timeout: SLOW }, async () => {
    const { code, stdout } = await runCli(['docs', '--lang', 'ru']);
    expect(code).toBe(0);
    expect(stdout).toContain('### Если — `core.if`');
    expect(stdout).not.toContain('Takes the "true" port');
  });
});
