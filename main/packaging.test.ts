import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../scripts/build.js';

// What the desktop package holds: electron-builder.yml's `files` resolved against the tree (after
// a build), the way electron-builder reads them (patterns in order, `!` excludes), plus the
// production dependencies it adds from node_modules.
const root = fileURLToPath(new URL('..', import.meta.url));
const builderYml = readFileSync(join(root, 'electron-builder.yml'), 'utf8');

/** The items of a top-level YAML list (`key:` then `  - item` lines); all this test needs of the file. */
function yamlList(key: string): string[] {
  const block = new RegExp(`^${key}:\\n((?:[ \\t]+(?:-.*|#.*)\\n)+)`, 'm').exec(builderYml)?.[1] ?? '';
  return block.split('\n').flatMap((line) => {
    const item = /^\s+-\s+(.+?)\s*$/.exec(line)?.[1];
    return item === undefined ? [] : [item.replace(/^'(.*)'$/, '$1')];
  });
}
const config = { files: yamlList('files'), asarUnpack: yamlList('asarUnpack') };

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.git') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else out.push(relative(root, path).split('\\').join('/'));
  }
  return out;
}

function packagedFiles(): string[] {
  const rules = config.files.map((pattern) => ({ exclude: pattern.startsWith('!'), match: picomatch(pattern.replace(/^!/, ''), { dot: true }) }));
  return walk(root).filter((file) => {
    let included = false;
    for (const rule of rules) if (rule.match(file)) included = !rule.exclude;
    return included;
  });
}

beforeAll(async () => {
  await ensureBuilt();
});

describe('the desktop package', () => {
  it('holds the built core and no TypeScript source', () => {
    expect(config.files).toContain('dist/core/*.js');
    const files = packagedFiles();
    expect(files.filter((file) => /\.tsx?$/.test(file) || file.startsWith('src/') || file.startsWith('main/'))).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    for (const needed of [pkg.main, 'dist/core/preload.cjs', 'dist/core/runner.js', 'dist/core/cli.js', 'package.json', 'resources/templates/project/cairn.project.json']) {
      expect(files).toContain(needed);
    }
  });

  it('ships neither tsx nor esbuild: they are dev dependencies, which electron-builder leaves out', () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const compilers = Object.entries(lock.packages).filter(([path]) => /^node_modules\/(tsx|esbuild|@esbuild\/[^/]+)$/.test(path));
    expect(compilers.length).toBeGreaterThan(1);
    for (const [path, info] of compilers) expect({ path, dev: info.dev }).toEqual({ path, dev: true });
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3/**']);
    expect(config.asarUnpack).not.toContainEqual(expect.stringMatching(/tsx|esbuild|src\//));
  });
});
