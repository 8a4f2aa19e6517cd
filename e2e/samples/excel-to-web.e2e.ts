import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSite, type TestSite } from '../../src/activities/web/testing/site.js';
import type { RunEvent } from '../../src/engine/types.js';
import { people } from '../../resources/samples/excel-to-web/make-data.js';

/**
 * The Excel → web form sample, end to end as a user runs it: `cairn run` on the sample folder
 * (runner process, excel blocks, real Chromium) against a form this test serves on 127.0.0.1 —
 * a form whose fields change order and ids on every load.
 */
const root = resolve(import.meta.dirname, '../..');
const sample = resolve(root, 'resources/samples/excel-to-web');

let site: TestSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(() => site.close());

function cairnRun(args: string[]): Promise<{ code: number; events: RunEvent[]; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [resolve(root, 'bin/cairn.js'), 'run', ...args, '--json'], { cwd: root, timeout: 120_000 }, (error, stdout, stderr) => {
      const events = stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as RunEvent);
      done({ code: error ? Number(error.code ?? 1) : 0, events, stderr });
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('sample: Excel to web form', () => {
  it('types every person of the workbook into the form and leaves no browser running', { timeout: 150_000 }, async () => {
    const { code, events, stderr } = await cairnRun([sample, '--var', `formUrl=${site.url}/form`]);
    const finished = events.find((e) => e.type === 'run.finished');
    expect(finished, stderr).toMatchObject({ type: 'run.finished', result: 'success', outputs: { submitted: people.length } });
    expect(code).toBe(0);

    const cities: Record<string, string> = { Moscow: 'msk', 'Saint Petersburg': 'spb' };
    expect(site.submissions).toEqual(
      people.map((p) => ({
        name: p.Name,
        email: p.Email,
        age: String(p.Age),
        city: cities[p.City],
        ...(p.Subscribe === 'yes' ? { subscribe: 'yes' } : {}),
      })),
    );
    const browserPids = events.flatMap((e) => (e.type === 'process.spawned' ? [e.pid] : []));
    expect(browserPids.length).toBeGreaterThan(0);
    expect(browserPids.filter(isAlive)).toEqual([]);
  });
});
